package dev.eventsourcing.persistence;

import javax.sql.DataSource;

/**
 * A store that {@code PERSISTENCE_MODULE} can name. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/dev.eventsourcing.persistence.PersistenceModule}), so the core has no
 * dependency on any store. The library provides {@code memory}; {@code es-jpa} adds {@code postgres} and {@code
 * sqlite}.
 */
public interface PersistenceModule {
  /** The name {@code PERSISTENCE_MODULE} uses for this store, such as {@code memory}. */
  String name();

  /**
   * Builds the store's factory for one application.
   *
   * @throws ConfigurationException if a setting is missing or invalid
   */
  InfrastructureFactory createFactory(Environment environment);

  /**
   * Checks the store's own settings, and that what it needs to open (such as a JDBC driver) is there, without
   * opening anything: parses them as {@link #createFactory} does, so a setting that fails one fails the other in
   * the same way. A setting needed only to open the store, such as a
   * database's name when no {@code DataSource} is given, may be left to {@link #createFactory}. By default there
   * is nothing to check.
   *
   * @throws ConfigurationException naming the application and the first bad setting
   */
  default void check(Environment environment) {}

  /**
   * Builds the store's factory for one application, on a {@code DataSource} that the caller keeps and closes.
   * Stores that do not keep their events in a database refuse.
   *
   * @throws ConfigurationException if a setting is missing or invalid, or the store takes no {@code DataSource}
   */
  default InfrastructureFactory createFactory(Environment environment, DataSource dataSource) {
    throw new ConfigurationException("application " + environment.name() + ": " + InfrastructureFactory.PERSISTENCE_MODULE
        + "=" + name() + " takes no DataSource: name a database store, such as postgres or sqlite");
  }
}
