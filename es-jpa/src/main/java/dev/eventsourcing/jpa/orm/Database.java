package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.DriverErrors;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.postgres.PostgresTables;
import dev.eventsourcing.jpa.sqlite.SqliteErrors;
import dev.eventsourcing.jpa.sqlite.SqliteTables;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The databases the JPA store runs on: their tables' DDL, and how a writer of events locks out the others. */
enum Database {
  POSTGRESQL("jdbc:postgresql:", "postgresql") {
    @Override
    List<String> createStatements(TableNames tables, String table) {
      return PostgresTables.createStatements(tables, table);
    }

    // As the postgres store: readers take no lock, and writers of events take turns until their commit.
    @Override
    String lockEvents(TableNames tables) {
      return "LOCK TABLE " + tables.events() + " IN EXCLUSIVE MODE";
    }

    @Override
    DriverErrors driverErrors() {
      return DriverErrors.NONE;
    }
  },

  SQLITE("jdbc:sqlite:", "sqlite") {
    @Override
    List<String> createStatements(TableNames tables, String table) {
      return SqliteTables.createStatements(tables, table);
    }

    // A write statement takes the database's write lock when it starts, whether or not it changes a row, and the
    // lock is held until the transaction ends: as BEGIN IMMEDIATE does, on a connection of any transaction mode.
    @Override
    String lockEvents(TableNames tables) {
      return "UPDATE " + tables.events() + " SET notification_id = notification_id WHERE 0 = 1";
    }

    @Override
    DriverErrors driverErrors() {
      return SqliteErrors.INSTANCE;
    }
  };

  private final String urlPrefix;
  private final String productName;

  Database(String urlPrefix, String productName) {
    this.urlPrefix = urlPrefix;
    this.productName = productName;
  }

  /** The statements that create one of the application's tables if it does not exist, with its indexes. */
  abstract List<String> createStatements(TableNames tables, String table);

  /**
   * The native statement that, first in a transaction that writes events, keeps the other writers of the events
   * table out until the transaction ends.
   */
  abstract String lockEvents(TableNames tables);

  /** How the database's driver reports failures without SQLState. */
  abstract DriverErrors driverErrors();

  /** Whether the database has one writer at a time, so the writers of this process take turns for every write. */
  boolean isSingleWriter() {
    return this == SQLITE;
  }

  /** The database a JDBC URL names, or {@code null} if the store doesn't run on it. */
  static @Nullable Database ofUrl(String url) {
    for (Database database : values()) {
      if (url.startsWith(database.urlPrefix)) {
        return database;
      }
    }
    return null;
  }

  /** The database of a JDBC driver's product name, or {@code null} if the store doesn't run on it. */
  static @Nullable Database ofProductName(String name) {
    for (Database database : values()) {
      if (name.toLowerCase(Locale.ROOT).equals(database.productName)) {
        return database;
      }
    }
    return null;
  }

  /** The JDBC URL prefixes of the databases, for messages. */
  static String urlPrefixes() {
    StringBuilder prefixes = new StringBuilder();
    for (Database database : values()) {
      prefixes.append(prefixes.length() == 0 ? "" : " or ").append(database.urlPrefix);
    }
    return prefixes.toString();
  }
}
