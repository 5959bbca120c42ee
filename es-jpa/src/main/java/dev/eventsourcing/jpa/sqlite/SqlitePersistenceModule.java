package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;

/** {@code PERSISTENCE_MODULE=sqlite}. */
public final class SqlitePersistenceModule implements PersistenceModule {
  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    return new SqliteInfrastructureFactory(environment);
  }
}
