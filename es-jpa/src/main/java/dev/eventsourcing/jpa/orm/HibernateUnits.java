package dev.eventsourcing.jpa.orm;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import dev.eventsourcing.persistence.ConfigurationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.hibernate.tool.schema.Action;

/**
 * Builds an application's persistence unit with Hibernate in Java SE from a JDBC URL, on a HikariCP pool of the
 * store's own, the library's entities mapped to the application's tables ({@link ApplicationTableNaming}).
 */
final class HibernateUnits {
  /** The dialect of SQLite, which Hibernate does not find from the connection without it. */
  private static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

  private static final int BATCH_SIZE = 100;

  private HibernateUnits() {}

  static EntityManagerFactory build(String applicationName, OrmSettings settings, Database database,
      HikariDataSource pool) {
    HibernatePersistenceConfiguration unit = new HibernatePersistenceConfiguration("eventsourcing-" + applicationName)
        .managedClasses(EventRecord.class, SnapshotRecord.class, TrackingRecord.class, DataKeyRecord.class,
            NotificationCounter.class)
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
    return new HibernatePersistenceProvider().createEntityManagerFactory(unit);
  }

  /** The hook of a named unit, which maps the library's entities if the unit is Hibernate's. */
  static ApplicationTableNaming naming(TableNames tables) {
    return new ApplicationTableNaming(tables);
  }

  /** The property of a unit's properties that gives it {@code naming}. */
  static String namingProperty() {
    return AvailableSettings.PHYSICAL_NAMING_STRATEGY;
  }

  /** The product name of the database of an entity manager of Hibernate. */
  static String databaseProductName(EntityManager entityManager) {
    return entityManager.unwrap(Session.class)
        .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName());
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
