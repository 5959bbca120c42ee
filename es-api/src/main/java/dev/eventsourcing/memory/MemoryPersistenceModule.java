package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;

/** {@code PERSISTENCE_MODULE=memory}, the default. */
public final class MemoryPersistenceModule implements PersistenceModule {
  @Override
  public String name() {
    return "memory";
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    return new MemoryInfrastructureFactory(environment);
  }
}
