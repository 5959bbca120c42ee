package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.jpa.TableNames;
import java.util.ArrayList;
import java.util.List;

/** The DDL of an application's tables in PostgreSQL, which the JDBC store and the JPA store both run. */
public final class PostgresTables {
  /** Serialises concurrent creation of tables (CREATE ... IF NOT EXISTS races in PostgreSQL). */
  private static final long DDL_LOCK = 0x6576656e74736f75L;

  private PostgresTables() {}

  /**
   * The statements that create a table if it does not exist, with its indexes, in one transaction: the first
   * takes a transaction-level advisory lock, so concurrent creators take turns; it is a {@code SELECT}.
   *
   * @param table {@code events}, {@code snapshots}, {@code tracking} or {@code keys}
   */
  public static List<String> createStatements(TableNames tables, String table) {
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
      case "keys" -> statements.add("CREATE TABLE IF NOT EXISTS " + tables.keys() + " ("
          + "subject_id uuid NOT NULL, "
          + "master_key_id text, "
          + "wrapped_key bytea, "
          + "PRIMARY KEY (subject_id))");
      default -> throw new IllegalArgumentException("no table " + table);
    }
    return statements;
  }
}
