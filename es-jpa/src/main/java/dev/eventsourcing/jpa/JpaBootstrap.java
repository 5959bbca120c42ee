package dev.eventsourcing.jpa;

import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Builds the Hibernate session factory of one application's tables on a {@link DataSource}, without a {@code
 * persistence.xml}: the three entities, the application's table names, no second-level or query cache, and no
 * schema generation (the stores own their DDL). Hibernate inserts snapshots; events go through plain statements on
 * its sessions' connections (see {@link JpaStore}). Hibernate does not log the SQL errors it throws: the recorders
 * turn each into an exception of the persistence families that carries it, and a conflict on saving a stale
 * aggregate is an expected outcome, not a fault to log. With {@code jta}, the transactions are a Jakarta EE
 * server's: a write inside the caller's JTA transaction joins it, a write outside one runs in a JTA transaction of
 * its own.
 */
public final class JpaBootstrap {
  private JpaBootstrap() {}

  /**
   * @param databaseVersion the oldest version of the database the SQL must suit, such as {@code 3.40} for
   *     SQLite: the database is not asked for its version when the factory is built, so that an application can
   *     be constructed while its database is down
   */
  public static SessionFactory sessionFactory(String applicationName, DataSource dataSource,
      Class<? extends Dialect> dialect, String databaseVersion, TableNames tables, boolean jta) {
    String[] version = databaseVersion.split("\\.");
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("eventsourcing-" + applicationName)
            .managedClasses(StoredRecord.class, EventRecord.class, SnapshotRecord.class, TrackingRecord.class);
    Map<String, Object> properties = new HashMap<>(Map.of(
        AvailableSettings.DIALECT, dialect.getName(),
        AvailableSettings.ALLOW_METADATA_ON_BOOT, false,
        AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, version[0],
        AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, version[1],
        AvailableSettings.PHYSICAL_NAMING_STRATEGY, tables.namingStrategy(),
        AvailableSettings.USE_SECOND_LEVEL_CACHE, false,
        AvailableSettings.USE_QUERY_CACHE, false,
        AvailableSettings.LOG_JDBC_ERRORS, false,
        AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none"));
    if (jta) {
      configuration.transactionType(PersistenceUnitTransactionType.JTA);
      properties.put(AvailableSettings.JAKARTA_JTA_DATASOURCE, dataSource);
      properties.put(AvailableSettings.JTA_PLATFORM, new ContainerJtaPlatform());
    } else {
      properties.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    }
    properties.forEach(configuration::property);
    if (tables.schema() != null) {
      configuration.defaultSchema(tables.schema());
    }
    return configuration.createEntityManagerFactory();
  }
}
