package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.JdbcDrivers;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;
import javax.sql.DataSource;

/** {@code PERSISTENCE_MODULE=sqlite}. */
public final class SqlitePersistenceModule implements PersistenceModule {
  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    requireDriver(environment);
    return new SqliteInfrastructureFactory(environment);
  }

  @Override
  public void check(Environment environment) {
    requireDriver(environment);
    SqliteInfrastructureFactory.checkSettings(environment);
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment, DataSource dataSource) {
    requireDriver(environment);
    return new SqliteInfrastructureFactory(environment, dataSource);
  }

  /** Before the factory's class, which links against the driver, is loaded. */
  private void requireDriver(Environment environment) {
    JdbcDrivers.require(environment, name(), "org.sqlite.SQLiteConnection", "org.xerial:sqlite-jdbc");
  }
}
