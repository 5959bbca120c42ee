package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;
import javax.sql.DataSource;

/** {@code PERSISTENCE_MODULE=postgres}. */
public final class PostgresPersistenceModule implements PersistenceModule {
  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    return new PostgresInfrastructureFactory(environment);
  }

  @Override
  public void check(Environment environment) {
    PostgresSettings.parse(environment);
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment, DataSource dataSource) {
    return new PostgresInfrastructureFactory(environment, dataSource);
  }
}
