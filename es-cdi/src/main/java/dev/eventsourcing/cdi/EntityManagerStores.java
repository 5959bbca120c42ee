package dev.eventsourcing.cdi;

import dev.eventsourcing.jpa.orm.OrmInfrastructureFactory;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * The {@code jpa} store of an application given an {@code EntityManager}; apart from the other classes, so that
 * only a deployment that gives one needs {@code es-jpa}.
 */
final class EntityManagerStores {
  private static final String JPA_STORE = "dev.eventsourcing.jpa.orm.OrmInfrastructureFactory";

  private EntityManagerStores() {}

  /**
   * The store's factory on that entity manager.
   *
   * @throws ConfigurationException if {@code es-jpa} is not on the class path
   */
  static Function<Environment, InfrastructureFactory> factory(EntityManager entityManager) {
    if (!ContainerSettings.isPresent(JPA_STORE)) {
      throw new ConfigurationException("an EventSourcingConfig gives an EntityManager, which the jpa store of"
          + " dev.eventsourcing:es-jpa takes: add es-jpa to the deployment");
    }
    return environment -> new OrmInfrastructureFactory(environment, entityManager);
  }
}
