package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.DriverErrors;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.postgres.PostgresTables;
import dev.eventsourcing.jpa.sqlite.SqliteErrors;
import dev.eventsourcing.jpa.sqlite.SqliteTables;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The databases the JPA store runs on: their tables' DDL, and how a writer of events locks out the others: with the
 * lock of the JDBC stores on PostgreSQL and SQLite, with the counter row elsewhere.
 */
enum Database {
  POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "postgresql", "PostgreSQL") {
    @Override
    List<String> createStatements(TableNames tables, String table) {
      return PostgresTables.createStatements(tables, table);
    }

    // As the postgres store: readers take no lock, and writers of events take turns until their commit.
    @Override
    String lockEvents(TableNames tables) {
      return "LOCK TABLE " + tables.events() + " IN EXCLUSIVE MODE";
    }
  },

  SQLITE("SQLite", "jdbc:sqlite:", "sqlite", null) {
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
  },

  H2("H2", "jdbc:h2:", "h2", "org.eclipse.persistence.platform.database.H2Platform") {
    @Override
    List<String> createStatements(TableNames tables, String table) {
      return CounterTables.createStatements(CounterTables.H2, tables, table);
    }
  },

  MARIADB("MariaDB", "jdbc:mariadb:", "mariadb", null) {
    @Override
    List<String> createStatements(TableNames tables, String table) {
      return CounterTables.createStatements(CounterTables.MARIADB, tables, table);
    }

    @Override
    DriverErrors driverErrors() {
      return MariaDbErrors.INSTANCE;
    }
  };

  private final String displayName;
  private final String urlPrefix;
  private final String productName;
  private final @Nullable String eclipseLinkPlatform;

  /**
   * @param productName the JDBC driver's name of the database, in lower case
   * @param eclipseLinkPlatform EclipseLink's name or class of its platform, or {@code null} where the store is not
   *     tested on EclipseLink
   */
  Database(String displayName, String urlPrefix, String productName, @Nullable String eclipseLinkPlatform) {
    this.displayName = displayName;
    this.urlPrefix = urlPrefix;
    this.productName = productName;
    this.eclipseLinkPlatform = eclipseLinkPlatform;
  }

  /** The statements that create one of the application's tables if it does not exist, with its indexes. */
  abstract List<String> createStatements(TableNames tables, String table);

  /**
   * The native statement that, first in a transaction that writes events, keeps the other writers of the events
   * table out until the transaction ends; not where the counter row does it ({@link #countsInARow}).
   */
  String lockEvents(TableNames tables) {
    throw new IllegalStateException(this + " locks the counter row, not a table");
  }

  /**
   * Whether writers of events lock the counter row ({@link dev.eventsourcing.jpa.entity.NotificationCounter}) with
   * {@code PESSIMISTIC_WRITE}, and take their ids from its count.
   */
  boolean countsInARow() {
    return this == H2 || this == MARIADB;
  }

  /** How the database's driver reports failures where its SQLState says too little. */
  DriverErrors driverErrors() {
    return DriverErrors.NONE;
  }

  /**
   * Whether {@code ORDER BY} of a UUID column is the order of the UUIDs' bytes; MariaDB's {@code UUID} type sorts
   * its groups in another order.
   */
  boolean sortsUuidsBytewise() {
    return this != MARIADB;
  }

  /** Whether the database has one writer at a time, so the writers of this process take turns for every write. */
  boolean isSingleWriter() {
    return this == SQLITE;
  }

  /** Whether the store is tested with the provider on this database. */
  boolean runsOn(JpaProvider provider) {
    return provider != JpaProvider.ECLIPSELINK || eclipseLinkPlatform != null;
  }

  /** EclipseLink's {@code eclipselink.target-database} of this database. */
  String eclipseLinkPlatform() {
    if (eclipseLinkPlatform == null) {
      throw new IllegalStateException("the jpa store does not run on " + this + " with EclipseLink");
    }
    return eclipseLinkPlatform;
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

  /** The databases and the providers the store runs them on, for messages. */
  static String supported() {
    StringBuilder supported = new StringBuilder();
    for (Database database : values()) {
      supported.append(supported.length() == 0 ? "" : ", ").append(database);
      if (!database.runsOn(JpaProvider.ECLIPSELINK)) {
        supported.append(" (on Hibernate)");
      }
    }
    return supported.toString();
  }

  /** The JDBC URL prefixes of the databases, for messages. */
  static String urlPrefixes() {
    StringBuilder prefixes = new StringBuilder();
    for (Database database : values()) {
      prefixes.append(prefixes.length() == 0 ? "" : ", ").append(database.urlPrefix);
    }
    return prefixes.toString();
  }

  @Override
  public String toString() {
    return displayName;
  }
}
