package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.TableNames;
import java.util.List;

/** The DDL of an application's tables in SQLite, which the JDBC store and the JPA store both run. */
public final class SqliteTables {
  private SqliteTables() {}

  /**
   * The statements that create a table if it does not exist, with its indexes.
   *
   * @param table {@code events}, {@code snapshots}, {@code tracking} or {@code keys}
   */
  public static List<String> createStatements(TableNames tables, String table) {
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
      case "keys" -> List.of(
          "CREATE TABLE IF NOT EXISTS " + tables.keys() + " ("
              + "subject_id BLOB NOT NULL, "
              + "master_key_id TEXT, "
              + "wrapped_key BLOB, "
              + "PRIMARY KEY (subject_id))");
      default -> throw new IllegalArgumentException("no table " + table);
    };
  }
}
