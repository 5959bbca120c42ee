package dev.eventsourcing.persistence;

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
}
