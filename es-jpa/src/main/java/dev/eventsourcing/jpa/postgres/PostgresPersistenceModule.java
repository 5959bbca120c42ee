package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.jpa.JdbcDrivers;
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
    requireDriver(environment);
    return new PostgresInfrastructureFactory(environment);
  }

  @Override
  public void check(Environment environment) {
    requireDriver(environment);
    PostgresSettings.parse(environment);
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment, DataSource dataSource) {
    requireDriver(environment);
    return new PostgresInfrastructureFactory(environment, dataSource);
  }

  /** Before the factory's class, which links against the driver, is loaded. */
  private void requireDriver(Environment environment) {
    JdbcDrivers.require(environment, name(), "org.postgresql.PGConnection", "org.postgresql:postgresql");
  }
}
