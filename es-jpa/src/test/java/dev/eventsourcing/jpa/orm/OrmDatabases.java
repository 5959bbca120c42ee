package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.jpa.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Settings of the jpa store for the tests, and of the JDBC store on the same tables. */
final class OrmDatabases {
  private static final AtomicInteger H2_DATABASES = new AtomicInteger();

  private OrmDatabases() {}

  /**
   * The settings of both stores on a new schema of the tests' PostgreSQL server: {@code PERSISTENCE_MODULE} is
   * left out, the {@code JPA_JDBC_*} settings name the schema as the connection's current one, and the {@code
   * POSTGRES_*} settings name it as {@code POSTGRES_SCHEMA}.
   */
  static Map<String, String> postgresSchema() {
    Map<String, String> settings = new HashMap<>(TestPostgres.newSchema());
    String schema = settings.get("POSTGRES_SCHEMA");
    try (Connection connection = TestPostgres.dataSource(TestPostgres.server()).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create schema " + schema, e);
    }
    settings.put("JPA_JDBC_URL", "jdbc:postgresql://" + settings.get("POSTGRES_HOST") + ":"
        + settings.get("POSTGRES_PORT") + "/" + settings.get("POSTGRES_DBNAME") + "?currentSchema=" + schema);
    settings.put("JPA_JDBC_USER", settings.get("POSTGRES_USER"));
    if (settings.containsKey("POSTGRES_PASSWORD")) {
      settings.put("JPA_JDBC_PASSWORD", settings.get("POSTGRES_PASSWORD"));
    }
    return settings;
  }

  /** The jpa store on a new PostgreSQL schema. */
  static Map<String, String> jpaOnPostgres() {
    Map<String, String> settings = postgresSchema();
    settings.put("PERSISTENCE_MODULE", "jpa");
    return settings;
  }

  /** The settings of both stores on one SQLite file, without {@code PERSISTENCE_MODULE}. */
  static Map<String, String> sqliteFile(Path file) {
    return Map.of("JPA_JDBC_URL", "jdbc:sqlite:" + file, "SQLITE_DBNAME", file.toString());
  }

  /** The jpa store on an SQLite file. */
  static Map<String, String> jpaOnSqlite(Path file) {
    Map<String, String> settings = new HashMap<>(sqliteFile(file));
    settings.put("PERSISTENCE_MODULE", "jpa");
    return settings;
  }

  /** The jpa store on a new in-memory H2 database, kept until the JVM exits. */
  static Map<String, String> jpaOnH2() {
    return Map.of("PERSISTENCE_MODULE", "jpa",
        "JPA_JDBC_URL", "jdbc:h2:mem:test_" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  /** The settings of the jpa store with EclipseLink as the provider of its unit. */
  static Map<String, String> eclipseLink(Map<String, String> store) {
    Map<String, String> settings = new HashMap<>(store);
    settings.put("JPA_PROVIDER", "eclipselink");
    return settings;
  }

  static Map<String, String> perSubject(Map<String, String> store) {
    Map<String, String> settings = new HashMap<>(store);
    settings.put("CIPHER_MODE", "per-subject");
    settings.put("CIPHER_KEY", AesCipher.createKey(32));
    return settings;
  }
}
