package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;

/** {@code PERSISTENCE_MODULE=jpa}. */
public final class OrmPersistenceModule implements PersistenceModule {
  @Override
  public String name() {
    return "jpa";
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    return new OrmInfrastructureFactory(environment);
  }
}
