package dev.eventsourcing.jpa.postgres;

import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_CONNECT_TIMEOUT;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_FOLLOWER_LEASE;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_HOST;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_LOCK_TIMEOUT;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_NOTIFY;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_POOL_SIZE;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_PORT;
import static dev.eventsourcing.jpa.postgres.PostgresInfrastructureFactory.POSTGRES_SCHEMA;

import dev.eventsourcing.jpa.JpaSettings;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.Environment;

/**
 * The settings of the PostgreSQL store, parsed once from an application's environment; opens nothing. The
 * database, user and password are read when the store's own pool is built, as only the pool needs them: the
 * password is never held here.
 */
record PostgresSettings(JpaSettings jpa, TableNames tables, String host, int port, int poolSize, int connectTimeout,
    int lockTimeout, boolean notifyOnSave, boolean followerLease) {
  static PostgresSettings parse(Environment environment) {
    return new PostgresSettings(JpaSettings.parse(environment), TableNames.of(environment, POSTGRES_SCHEMA),
        environment.get(POSTGRES_HOST, "localhost"), environment.getInt(POSTGRES_PORT, 5432, 1, 65_535),
        environment.getInt(POSTGRES_POOL_SIZE, 5, 1, 1_000), environment.getInt(POSTGRES_CONNECT_TIMEOUT, 5, 1, 3_600),
        environment.getInt(POSTGRES_LOCK_TIMEOUT, 0, 0, 86_400), environment.getBoolean(POSTGRES_NOTIFY, true),
        environment.getBoolean(POSTGRES_FOLLOWER_LEASE, true));
  }
}
