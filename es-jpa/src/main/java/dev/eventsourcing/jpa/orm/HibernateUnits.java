package dev.eventsourcing.jpa.orm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import dev.eventsourcing.persistence.ConfigurationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.hibernate.tool.schema.Action;

/**
 * Builds an application's persistence unit with Hibernate in Java SE: from a JDBC URL, on a HikariCP pool of the
 * store's own, or from a named unit of {@code META-INF/persistence.xml}. Either way the library's entities are
 * mapped to the application's tables ({@link ApplicationTableNaming}).
 */
final class HibernateUnits {
  /** The dialect of SQLite, which Hibernate does not find from the connection without it. */
  private static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

  private static final int POSTGRES_POOL_SIZE = 5;
  private static final int SQLITE_POOL_SIZE = 4;
  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;
  private static final int BATCH_SIZE = 100;

  private HibernateUnits() {}

  /**
   * Opens the store of the settings.
   *
   * @param secureDelete whether SQLite overwrites the bytes of deleted and updated records (for erased data keys)
   */
  static OrmStore open(String applicationName, OrmSettings settings, boolean secureDelete) {
    return settings.unit() != null
        ? openNamedUnit(applicationName, settings, settings.unit())
        : openOwnUnit(applicationName, settings, Objects.requireNonNull(settings.database()), secureDelete);
  }

  private static OrmStore openOwnUnit(
      String applicationName, OrmSettings settings, Database database, boolean secureDelete) {
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(poolConfig(applicationName, settings, database, secureDelete));
      HibernatePersistenceConfiguration unit = new HibernatePersistenceConfiguration("eventsourcing-" + applicationName)
          .managedClasses(EventRecord.class, SnapshotRecord.class, TrackingRecord.class, DataKeyRecord.class)
          .schemaToolingAction(Action.NONE)
          .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
          .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new ApplicationTableNaming(settings.tables()))
          // The events of a save go to the database in one batch, at the flush before the commit.
          .property(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
          .property(AvailableSettings.ORDER_INSERTS, true);
      if (database == Database.SQLITE) {
        requireSqliteDialect();
        unit.property(AvailableSettings.DIALECT, SQLITE_DIALECT);
      }
      // Hibernate's provider itself, rather than one the context class loader finds (which may not see Hibernate).
      return new OrmStore(applicationName, settings.tables(), database,
          new HibernatePersistenceProvider().createEntityManagerFactory(unit), List.of(pool));
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      if (e instanceof EventSourcingException known) {
        throw known;
      }
      throw JpaErrors.translate(e, applicationName,
          "building the persistence unit of " + OrmSettings.withoutParameters(settings.url()));
    }
  }

  private static OrmStore openNamedUnit(String applicationName, OrmSettings settings, String unitName) {
    EntityManagerFactory entityManagers;
    try {
      entityManagers = Persistence.createEntityManagerFactory(unitName,
          Map.of(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new ApplicationTableNaming(settings.tables())));
    } catch (RuntimeException e) {
      throw new ConfigurationException("application " + applicationName + ": "
          + OrmInfrastructureFactory.JPA_PERSISTENCE_UNIT + "='" + unitName + "': the persistence unit could not be"
          + " built (it must be in META-INF/persistence.xml, with Hibernate as its provider and"
          + " <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>): " + e.getMessage(), e);
    }
    try {
      Database database = databaseOf(applicationName, unitName, entityManagers);
      return new OrmStore(applicationName, settings.tables(), database, entityManagers, List.of());
    } catch (RuntimeException e) {
      entityManagers.close();
      throw e;
    }
  }

  private static Database databaseOf(String applicationName, String unitName, EntityManagerFactory entityManagers) {
    EntityManager entityManager = entityManagers.createEntityManager();
    String product;
    try {
      product = entityManager.unwrap(Session.class)
          .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName());
    } catch (RuntimeException e) {
      throw JpaErrors.translate(e, applicationName, "connecting to the database of persistence unit " + unitName);
    } finally {
      entityManager.close();
    }
    Database database = Database.ofProductName(product);
    if (database == null) {
      throw new ConfigurationException("application " + applicationName + ": "
          + OrmInfrastructureFactory.JPA_PERSISTENCE_UNIT + "='" + unitName + "' is a persistence unit of " + product
          + ", and the jpa store runs on PostgreSQL and SQLite");
    }
    return database;
  }

  private static HikariConfig poolConfig(
      String applicationName, OrmSettings settings, Database database, boolean secureDelete) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setPoolName("eventsourcing-jpa-" + applicationName);
    config.setMinimumIdle(1);
    if (database == Database.SQLITE) {
      config.setMaximumPoolSize(SQLITE_POOL_SIZE);
      // As the sqlite store's: readers never wait for the writer, and a writer of another process is waited for.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
      if (secureDelete) {
        config.addDataSourceProperty("secure_delete", "true");
      }
    } else {
      config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
      // A failed batch's message would show the values of its rows, the events' state among them.
      config.addDataSourceProperty("logServerErrorDetail", "false");
    }
    return config;
  }

  private static void requireSqliteDialect() {
    try {
      Class.forName(SQLITE_DIALECT, false, HibernateUnits.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigurationException("the jpa store on SQLite needs Hibernate's SQLite dialect: add"
          + " org.hibernate.orm:hibernate-community-dialects (of the version of hibernate-core) to the class path", e);
    }
  }
}
