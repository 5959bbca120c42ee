package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.jpa.JpaStore;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.WriterQueue;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

final class PostgresStore extends JpaStore {
  /** Serialises concurrent creation of tables (CREATE ... IF NOT EXISTS races in PostgreSQL). */
  private static final long DDL_LOCK = 0x6576656e74736f75L;

  private final String lockEvents;
  private final WriterQueue writers;

  PostgresStore(String applicationName, TableNames tables, SessionFactory sessions, List<AutoCloseable> resources,
      int lockTimeoutSeconds, boolean jta) {
    super(applicationName, tables, sessions, resources);
    this.writers = jta
        ? WriterQueue.none(applicationName)
        : new WriterQueue(applicationName, lockTimeoutSeconds > 0 ? lockTimeoutSeconds : -1,
            PostgresInfrastructureFactory.POSTGRES_LOCK_TIMEOUT);
    // One round trip: the lock is held until the transaction ends, so the ids after the maximum are this
    // transaction's, and no reader sees a later id committed before an earlier one. Readers take no lock.
    this.lockEvents = (lockTimeoutSeconds > 0 ? "SET LOCAL lock_timeout = '" + lockTimeoutSeconds + "s'; " : "")
        + "LOCK TABLE " + tables.events() + " IN EXCLUSIVE MODE; "
        + "SELECT COALESCE(MAX(notification_id), 0) FROM " + tables.events();
  }

  /** The writers of this process take turns before they take the table lock. */
  @Override
  public <T> T writeEvents(String operation, BiFunction<StatelessSession, Long, T> work) {
    return writers.inTurn(operation, () -> super.writeEvents(operation, work));
  }

  @Override
  protected long lockEvents(StatelessSession session) {
    return session.doReturningWork(connection -> {
      try (Statement statement = connection.createStatement()) {
        boolean isResult = statement.execute(lockEvents);
        while (!isResult && statement.getUpdateCount() != -1) {
          isResult = statement.getMoreResults();
        }
        try (ResultSet results = statement.getResultSet()) {
          results.next();
          return results.getLong(1);
        }
      }
    });
  }

  @Override
  protected List<String> createTableStatements(String table) {
    TableNames tables = tables();
    List<String> statements = new ArrayList<>();
    statements.add("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
    if (tables.schema() != null) {
      statements.add("CREATE SCHEMA IF NOT EXISTS " + tables.schema());
    }
    switch (table) {
      case "events" -> {
        statements.add("CREATE TABLE IF NOT EXISTS " + tables.events() + " ("
            + "originator_id uuid NOT NULL, "
            + "originator_version integer NOT NULL, "
            + "topic text NOT NULL, "
            + "state bytea NOT NULL, "
            + "notification_id bigint NOT NULL, "
            + "PRIMARY KEY (originator_id, originator_version))");
        statements.add("CREATE UNIQUE INDEX IF NOT EXISTS " + tables.unqualified("events_notification_id")
            + " ON " + tables.events() + " (notification_id)");
      }
      case "snapshots" -> statements.add("CREATE TABLE IF NOT EXISTS " + tables.snapshots() + " ("
          + "originator_id uuid NOT NULL, "
          + "originator_version integer NOT NULL, "
          + "topic text NOT NULL, "
          + "state bytea NOT NULL, "
          + "PRIMARY KEY (originator_id, originator_version))");
      case "tracking" -> statements.add("CREATE TABLE IF NOT EXISTS " + tables.tracking() + " ("
          + "application_name text NOT NULL, "
          + "notification_id bigint NOT NULL, "
          + "PRIMARY KEY (application_name, notification_id))");
      default -> throw new IllegalArgumentException("no table " + table);
    }
    return statements;
  }
}
