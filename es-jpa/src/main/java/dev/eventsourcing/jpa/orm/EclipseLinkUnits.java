package dev.eventsourcing.jpa.orm;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * Builds an application's persistence unit with EclipseLink in Java SE from a JDBC URL, on a HikariCP pool of the
 * store's own, the library's entities mapped to the application's tables ({@link EclipseLinkTableNaming}).
 */
final class EclipseLinkUnits {
  private static final int BATCH_SIZE = 100;
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  private EclipseLinkUnits() {}

  static EntityManagerFactory build(String applicationName, OrmSettings settings, Database database,
      HikariDataSource pool) {
    PersistenceConfiguration unit = new PersistenceConfiguration("eventsourcing-" + applicationName)
        .provider(PersistenceProvider.class.getName())
        .managedClass(EventRecord.class)
        .managedClass(SnapshotRecord.class)
        .managedClass(TrackingRecord.class)
        .managedClass(DataKeyRecord.class)
        .managedClass(NotificationCounter.class)
        .property(PersistenceUnitProperties.NON_JTA_DATASOURCE, pool)
        .property(PersistenceUnitProperties.TARGET_DATABASE, database.eclipseLinkPlatform())
        .property(PersistenceUnitProperties.SESSION_CUSTOMIZER, new EclipseLinkTableNaming(settings.tables()))
        // No agent rewrites the entities' classes in Java SE.
        .property(PersistenceUnitProperties.WEAVING, "false")
        // Other stores and processes write the same tables: a shared cache of entities would go stale.
        .property(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false")
        // The events of a save go to the database in one batch, at the flush before the commit.
        .property(PersistenceUnitProperties.BATCH_WRITING, "JDBC")
        .property(PersistenceUnitProperties.BATCH_WRITING_SIZE, String.valueOf(BATCH_SIZE))
        // A failed statement's log and message would show its values, the events' state among them.
        .property(PersistenceUnitProperties.LOGGING_PARAMETERS, "false")
        .property(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
    // EclipseLink loads the unit's classes through the thread's context loader, and deploys the unit when the first
    // entity manager is made: the classes are the library's, so the library's loader is the context meanwhile.
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(EventRecord.class.getClassLoader());
    try {
      EntityManagerFactory entityManagers = new PersistenceProvider().createEntityManagerFactory(unit);
      try {
        // EclipseLink connects when the first entity manager is made: a database that is not there fails here.
        entityManagers.createEntityManager().close();
        return entityManagers;
      } catch (RuntimeException e) {
        entityManagers.close();
        throw e;
      }
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  /** The hook of a named unit, which maps the library's entities if the unit is EclipseLink's. */
  static EclipseLinkTableNaming naming(TableNames tables) {
    return new EclipseLinkTableNaming(tables);
  }

  /**
   * The properties that give a named unit {@code naming}: with a session name of its own, since EclipseLink
   * otherwise deploys a unit of one name once per class loader, and the units of two applications would share the
   * first one's mapping.
   */
  static Map<String, Object> namingProperties(String unitName, EclipseLinkTableNaming naming) {
    return Map.of(PersistenceUnitProperties.SESSION_CUSTOMIZER, naming,
        PersistenceUnitProperties.SESSION_NAME, unitName + "-eventsourcing-" + SESSIONS.incrementAndGet());
  }

  /** The product name of the database of an entity manager of EclipseLink, which lends a connection in a transaction. */
  static String databaseProductName(EntityManager entityManager) {
    entityManager.getTransaction().begin();
    try {
      return entityManager.unwrap(Connection.class).getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new PersistenceException(e);
    } finally {
      entityManager.getTransaction().rollback();
    }
  }
}
