package dev.eventsourcing.jpa.orm;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.persistence.ConfigurationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens an application's persistence unit in Java SE: one the store builds from a JDBC URL with the provider of
 * {@code JPA_PROVIDER}, on a HikariCP pool of its own, or a named unit of {@code META-INF/persistence.xml}, with
 * the provider the unit names. Either way the library's entities are mapped to the application's tables by the
 * provider's hook ({@link ApplicationTableNaming}, {@link EclipseLinkTableNaming}).
 */
final class PersistenceUnits {
  private PersistenceUnits() {}

  /**
   * Opens the store of the settings.
   *
   * @param secureDelete whether SQLite overwrites the bytes of deleted and updated records (for erased data keys)
   */
  static OrmStore open(String applicationName, OrmSettings settings, boolean secureDelete) {
    return settings.unit() != null
        ? openNamedUnit(applicationName, settings, settings.unit())
        : openOwnUnit(applicationName, settings, Objects.requireNonNull(settings.database()),
            Objects.requireNonNull(settings.provider()), secureDelete);
  }

  private static OrmStore openOwnUnit(String applicationName, OrmSettings settings, Database database,
      JpaProvider provider, boolean secureDelete) {
    provider.require(applicationName);
    HikariDataSource pool = null;
    try {
      pool = OwnPool.open(applicationName, settings, database, secureDelete);
      EntityManagerFactory entityManagers = provider == JpaProvider.ECLIPSELINK
          ? EclipseLinkUnits.build(applicationName, settings, database, pool)
          : HibernateUnits.build(applicationName, settings, database, pool);
      return new OrmStore(applicationName, settings.tables(), database, entityManagers, List.of(pool));
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

  /**
   * Builds the named unit with the hook of each provider on the class path: the provider that builds it uses its
   * own and ignores the other's property, and the one that was used tells whose unit it is.
   */
  private static OrmStore openNamedUnit(String applicationName, OrmSettings settings, String unitName) {
    Map<String, Object> properties = new HashMap<>();
    ApplicationTableNaming hibernate = null;
    EclipseLinkTableNaming eclipseLink = null;
    if (JpaProvider.HIBERNATE.isPresent()) {
      hibernate = HibernateUnits.naming(settings.tables());
      properties.put(HibernateUnits.namingProperty(), hibernate);
    }
    if (JpaProvider.ECLIPSELINK.isPresent()) {
      eclipseLink = EclipseLinkUnits.naming(settings.tables());
      properties.putAll(EclipseLinkUnits.namingProperties(unitName, eclipseLink));
    }
    EntityManagerFactory entityManagers;
    try {
      entityManagers = Persistence.createEntityManagerFactory(unitName, properties);
    } catch (RuntimeException e) {
      throw unitFailure(applicationName, unitName, e);
    }
    try {
      JpaProvider provider;
      String product;
      EntityManager entityManager = entityManagers.createEntityManager();
      try {
        if (hibernate != null && hibernate.isApplied()) {
          provider = JpaProvider.HIBERNATE;
          product = HibernateUnits.databaseProductName(entityManager);
        } else if (eclipseLink != null && eclipseLink.isApplied()) {
          provider = JpaProvider.ECLIPSELINK;
          product = EclipseLinkUnits.databaseProductName(entityManager);
        } else {
          throw new ConfigurationException("application " + applicationName + ": "
              + OrmInfrastructureFactory.JPA_PERSISTENCE_UNIT + "='" + unitName + "' maps none of the library's"
              + " entities with Hibernate or EclipseLink: its <provider> must be one of them, with"
              + " <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>");
        }
      } catch (ConfigurationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw JpaErrors.translate(e, applicationName, "connecting to the database of persistence unit " + unitName);
      } finally {
        entityManager.close();
      }
      Database database = Database.ofProductName(product);
      if (database == null || !database.runsOn(provider)) {
        throw new ConfigurationException("application " + applicationName + ": "
            + OrmInfrastructureFactory.JPA_PERSISTENCE_UNIT + "='" + unitName + "' is a persistence unit of "
            + product + " on " + provider + ", and the jpa store runs on " + Database.supported());
      }
      return new OrmStore(applicationName, settings.tables(), database, entityManagers, List.of());
    } catch (RuntimeException e) {
      entityManagers.close();
      throw e;
    }
  }

  private static ConfigurationException unitFailure(String applicationName, String unitName, RuntimeException e) {
    return new ConfigurationException("application " + applicationName + ": "
        + OrmInfrastructureFactory.JPA_PERSISTENCE_UNIT + "='" + unitName + "': the persistence unit could not be"
        + " built (it must be in META-INF/persistence.xml, with Hibernate or EclipseLink as its provider and"
        + " <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>): " + e.getMessage(), e);
  }
}
