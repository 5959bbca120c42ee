package dev.eventsourcing.jpa.postgres;

import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_CONNECT_TIMEOUT;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_DBNAME;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_FOLLOWER_LEASE;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_HOST;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_LOCK_TIMEOUT;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_NOTIFY;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_PASSWORD;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_POOL_SIZE;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_PORT;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_SCHEMA;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_USER;

import dev.eventsourcing.jpa.JpaSettings;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.Environment;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the PostgreSQL store, parsed once from an application's environment; opens nothing. The
 * connection settings are parsed whenever they are set; the database and the user are required when the store
 * opens its own pool ({@link #connection}), as a {@code DataSource} given in code or by JNDI name needs neither.
 * Never shows the password.
 */
record PostgresSettings(JpaSettings jpa, TableNames tables, String host, int port, @Nullable String database,
    @Nullable String user, @Nullable String password, int poolSize, int connectTimeout, int lockTimeout,
    boolean notifyOnSave, boolean followerLease) {
  /** PostgreSQL's longest name (NAMEDATALEN - 1), in bytes: a longer one is cut short by the server. */
  private static final int MAX_NAME_BYTES = 63;

  /** Where the store's own pool connects. */
  record Connection(String host, int port, String database, String user, @Nullable String password) {
    @Override
    public String toString() {
      return "Connection[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  static PostgresSettings parse(Environment environment) {
    JpaSettings jpa = JpaSettings.parse(environment);
    TableNames tables = TableNames.of(environment, POSTGRES_SCHEMA);
    String host = environment.get(POSTGRES_HOST, "localhost");
    if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw environment.invalid(POSTGRES_HOST, "contains whitespace: give one host name or address");
    }
    return new PostgresSettings(jpa, tables, host, environment.getInt(POSTGRES_PORT, 5432, 1, 65_535),
        name(environment, POSTGRES_DBNAME), name(environment, POSTGRES_USER), environment.get(POSTGRES_PASSWORD),
        environment.getInt(POSTGRES_POOL_SIZE, 5, 1, 1_000), environment.getInt(POSTGRES_CONNECT_TIMEOUT, 5, 1, 3_600),
        environment.getInt(POSTGRES_LOCK_TIMEOUT, 0, 0, 86_400), environment.getBoolean(POSTGRES_NOTIFY, true),
        environment.getBoolean(POSTGRES_FOLLOWER_LEASE, true));
  }

  /**
   * Where the store's own pool connects.
   *
   * @throws dev.eventsourcing.persistence.ConfigurationException if the database or the user is not set
   */
  Connection connection(Environment environment) {
    String needed = "connecting to PostgreSQL";
    return new Connection(host, port, database != null ? database : environment.require(POSTGRES_DBNAME, needed),
        user != null ? user : environment.require(POSTGRES_USER, needed), password);
  }

  /** A database or role name, if set: not blank, no surrounding whitespace, at most 63 bytes. */
  private static @Nullable String name(Environment environment, String key) {
    String value = environment.get(key);
    if (value == null) {
      return null;
    }
    if (value.isBlank() || !value.strip().equals(value)) {
      throw environment.invalid(key, value.isBlank() ? "is blank" : "starts or ends with whitespace");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw environment.invalid(key, "is longer than PostgreSQL's names, which have at most " + MAX_NAME_BYTES
          + " bytes");
    }
    return value;
  }

  @Override
  public String toString() {
    return "PostgresSettings[" + user + "@" + host + ":" + port + "/" + database + ", " + tables + ", pool "
        + poolSize + "]";
  }
}
