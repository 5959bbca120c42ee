package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.JpaStore;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.WriterQueue;
import java.util.List;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

final class SqliteStore extends JpaStore {
  private final WriterQueue writers;
  private final String maxNotificationId;

  SqliteStore(String applicationName, TableNames tables, SessionFactory sessions, List<AutoCloseable> resources,
      int lockTimeoutSeconds, boolean jta) {
    super(applicationName, tables, sessions, resources);
    this.writers = jta
        ? WriterQueue.none(applicationName)
        : new WriterQueue(applicationName, lockTimeoutSeconds, SqliteInfrastructureFactory.SQLITE_LOCK_TIMEOUT);
    this.maxNotificationId = "SELECT COALESCE(MAX(notification_id), 0) FROM " + tables.events();
  }

  /**
   * One writer at a time in this process; the transaction begins with {@code BEGIN IMMEDIATE} (the pool's
   * connections are configured so), which keeps writers of other processes out until it ends.
   */
  @Override
  public <T> T write(String operation, Function<StatelessSession, T> work) {
    return writers.inTurn(operation, () -> super.write(operation, work));
  }

  @Override
  protected long lockEvents(StatelessSession session) {
    return session.doReturningWork(connection -> selectLong(connection, maxNotificationId));
  }

  @Override
  protected List<String> createTableStatements(String table) {
    TableNames tables = tables();
    return switch (table) {
      case "events" -> List.of(
          "CREATE TABLE IF NOT EXISTS " + tables.events() + " ("
              + "originator_id BLOB NOT NULL, "
              + "originator_version INTEGER NOT NULL, "
              + "topic TEXT NOT NULL, "
              + "state BLOB NOT NULL, "
              + "notification_id INTEGER NOT NULL, "
              + "PRIMARY KEY (originator_id, originator_version))",
          "CREATE UNIQUE INDEX IF NOT EXISTS " + tables.unqualified("events_notification_id")
              + " ON " + tables.events() + " (notification_id)");
      case "snapshots" -> List.of(
          "CREATE TABLE IF NOT EXISTS " + tables.snapshots() + " ("
              + "originator_id BLOB NOT NULL, "
              + "originator_version INTEGER NOT NULL, "
              + "topic TEXT NOT NULL, "
              + "state BLOB NOT NULL, "
              + "PRIMARY KEY (originator_id, originator_version))");
      case "tracking" -> List.of(
          "CREATE TABLE IF NOT EXISTS " + tables.tracking() + " ("
              + "application_name TEXT NOT NULL, "
              + "notification_id INTEGER NOT NULL, "
              + "PRIMARY KEY (application_name, notification_id))");
      default -> throw new IllegalArgumentException("no table " + table);
    };
  }
}
