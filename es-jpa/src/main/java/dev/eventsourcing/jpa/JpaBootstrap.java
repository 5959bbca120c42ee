package dev.eventsourcing.jpa;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.Dialect;

/**
 * Builds the Hibernate session factory of one application's tables on a {@link DataSource}, with Hibernate's own
 * bootstrap rather than JPA's (no {@code persistence.xml}, no {@code jakarta.persistence.Persistence}, so a server's
 * older JPA bootstrap API is never called): the three entities, the application's table names, no second-level or query cache, and no
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
    Map<String, Object> settings = new HashMap<>(Map.of(
        AvailableSettings.DIALECT, dialect.getName(),
        AvailableSettings.ALLOW_METADATA_ON_BOOT, false,
        AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, version[0],
        AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, version[1],
        AvailableSettings.PHYSICAL_NAMING_STRATEGY, tables.namingStrategy(),
        AvailableSettings.USE_SECOND_LEVEL_CACHE, false,
        AvailableSettings.USE_QUERY_CACHE, false,
        AvailableSettings.LOG_JDBC_ERRORS, false,
        AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none",
        AvailableSettings.DATASOURCE, dataSource));
    if (jta) {
      settings.put(AvailableSettings.TRANSACTION_COORDINATOR_STRATEGY, "jta");
      settings.put(AvailableSettings.JTA_PLATFORM, new ContainerJtaPlatform());
    }
    if (tables.schema() != null) {
      settings.put(AvailableSettings.DEFAULT_SCHEMA, tables.schema());
    }
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClasses(StoredRecord.class, EventRecord.class, SnapshotRecord.class, TrackingRecord.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }
}
