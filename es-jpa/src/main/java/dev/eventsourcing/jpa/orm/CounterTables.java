package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL of an application's tables on the databases where the jpa store counts notification ids in a counter
 * row ({@link dev.eventsourcing.jpa.entity.NotificationCounter}): H2 and MariaDB. The columns are those of the
 * PostgreSQL tables, in each database's types (UUIDs in native {@code UUID} columns); the events table comes with
 * the counter table and its one row, whose count starts at 0 (a writer of events finds the row, or fails). The row
 * is inserted from values, not from the events table: reading that table here would lock its rows on MariaDB, and
 * deadlock with a writer that holds the counter row.
 */
final class CounterTables {
  private CounterTables() {}

  /** The types of one database's columns, and its statement that inserts the counter row if it is not there. */
  record Dialect(String uuid, String text, String keyText, String bytes, String tableSuffix, String insertCounter) {}

  static final Dialect H2 = new Dialect("UUID", "VARCHAR", "VARCHAR", "VARBINARY", "",
      "MERGE INTO %1$s c USING (SELECT %2$d AS id) s ON c.id = s.id"
          + " WHEN NOT MATCHED THEN INSERT (id, notification_id) VALUES (s.id, 0)");

  static final Dialect MARIADB = new Dialect("UUID", "TEXT", "VARCHAR(255)", "LONGBLOB", " ENGINE=InnoDB",
      "INSERT IGNORE INTO %1$s (id, notification_id) VALUES (%2$d, 0)");

  /**
   * The statements that create a table if it does not exist, with its indexes.
   *
   * @param table {@code events}, {@code snapshots}, {@code tracking} or {@code keys}
   */
  static List<String> createStatements(Dialect dialect, TableNames tables, String table) {
    List<String> statements = new ArrayList<>();
    switch (table) {
      case TableNames.EVENTS -> {
        statements.add("CREATE TABLE IF NOT EXISTS " + tables.events() + " ("
            + "originator_id " + dialect.uuid() + " NOT NULL, "
            + "originator_version INTEGER NOT NULL, "
            + "topic " + dialect.text() + " NOT NULL, "
            + "state " + dialect.bytes() + " NOT NULL, "
            + "notification_id BIGINT NOT NULL, "
            + "PRIMARY KEY (originator_id, originator_version))" + dialect.tableSuffix());
        statements.add("CREATE UNIQUE INDEX IF NOT EXISTS " + tables.unqualified("events_notification_id")
            + " ON " + tables.events() + " (notification_id)");
        statements.add("CREATE TABLE IF NOT EXISTS " + tables.counter() + " ("
            + "id INTEGER NOT NULL, "
            + "notification_id BIGINT NOT NULL, "
            + "PRIMARY KEY (id))" + dialect.tableSuffix());
        statements.add(String.format(dialect.insertCounter(), tables.counter(), NotificationCounter.ID));
      }
      case TableNames.SNAPSHOTS -> statements.add("CREATE TABLE IF NOT EXISTS " + tables.snapshots() + " ("
          + "originator_id " + dialect.uuid() + " NOT NULL, "
          + "originator_version INTEGER NOT NULL, "
          + "topic " + dialect.text() + " NOT NULL, "
          + "state " + dialect.bytes() + " NOT NULL, "
          + "PRIMARY KEY (originator_id, originator_version))" + dialect.tableSuffix());
      case TableNames.TRACKING -> statements.add("CREATE TABLE IF NOT EXISTS " + tables.tracking() + " ("
          + "application_name " + dialect.keyText() + " NOT NULL, "
          + "notification_id BIGINT NOT NULL, "
          + "PRIMARY KEY (application_name, notification_id))" + dialect.tableSuffix());
      case TableNames.KEYS -> statements.add("CREATE TABLE IF NOT EXISTS " + tables.keys() + " ("
          + "subject_id " + dialect.uuid() + " NOT NULL, "
          + "master_key_id " + dialect.keyText() + ", "
          + "wrapped_key " + dialect.bytes() + ", "
          + "PRIMARY KEY (subject_id))" + dialect.tableSuffix());
      default -> throw new IllegalArgumentException("no table " + table);
    }
    return statements;
  }
}
