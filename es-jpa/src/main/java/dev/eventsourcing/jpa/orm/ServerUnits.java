package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.jpa.ServerTransactions;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.ConfigurationException;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Opens the JPA store on a server's container-managed entity manager (JTA), of a persistence unit that maps the
 * library's entities to the application's tables: it includes {@code META-INF/eventsourcing/orm.xml} and names the
 * application in its property {@value #APPLICATION_PROPERTY}, which the provider's hook reads ({@link
 * UnitApplicationNaming} on Hibernate, found by itself; {@link EclipseLinkTableNaming} on EclipseLink, named by the
 * unit's {@code eclipselink.session.customizer}).
 */
final class ServerUnits {
  /** The property of a persistence unit that names the application whose tables it maps. */
  static final String APPLICATION_PROPERTY = EclipseLinkTableNaming.APPLICATION;

  private static final boolean HIBERNATE = isPresent("org.hibernate.Session");

  private ServerUnits() {}

  static OrmStore open(String applicationName, TableNames tables, EntityManager entityManager) {
    if (!ServerTransactions.isInServer()) {
      throw new ConfigurationException("application " + applicationName + " is given an EntityManager, and the"
          + " jpa store takes only a server's container-managed one (JTA), but there is no server here ("
          + ServerTransactions.SYNCHRONIZATION_REGISTRY + " is not bound): in Java SE set JPA_JDBC_URL or"
          + " JPA_PERSISTENCE_UNIT");
    }
    checkMapping(applicationName, tables, entityManager);
    JtaUnit unit = new JtaUnit(entityManager);
    String product;
    try {
      product = unit.inNewTransaction(ServerUnits::productName);
    } catch (Exception e) {
      throw JpaErrors.translate(e, applicationName, "connecting to the database of its persistence unit");
    }
    Database database = Database.ofProductName(product);
    if (database == null) {
      throw new ConfigurationException("application " + applicationName + " is given an EntityManager of a"
          + " persistence unit on " + product + ", and the jpa store runs on " + Database.supported());
    }
    return new OrmStore(applicationName, tables, database, unit, List.of());
  }

  /** Fails unless the unit's property names this application, whose tables the unit's mapping then names. */
  private static void checkMapping(String applicationName, TableNames tables, EntityManager entityManager) {
    Object mapped = entityManager.getEntityManagerFactory().getProperties().get(APPLICATION_PROPERTY);
    if (mapped == null) {
      // A provider may keep the unit's properties with its entity managers only.
      mapped = entityManager.getProperties().get(APPLICATION_PROPERTY);
    }
    if (mapped == null) {
      throw new ConfigurationException("application " + applicationName + " is given an EntityManager of a"
          + " persistence unit without the property " + APPLICATION_PROPERTY + ": add <property name=\""
          + APPLICATION_PROPERTY + "\" value=\"" + tables.prefix() + "\"/> and <mapping-file>"
          + "META-INF/eventsourcing/orm.xml</mapping-file> to it (see docs/persistence-jpa.md)");
    }
    if (!mapped.toString().trim().toLowerCase(Locale.ROOT).equals(tables.prefix())) {
      throw new ConfigurationException("application " + applicationName + " is given an EntityManager of a"
          + " persistence unit that maps the tables of application '" + mapped + "' (" + APPLICATION_PROPERTY
          + "): give it the unit of its own, or name it in the unit's property");
    }
  }

  private static String productName(EntityManager entityManager) {
    if (HIBERNATE && HibernateConnections.isHibernate(entityManager)) {
      return HibernateConnections.productName(entityManager);
    }
    try {
      Connection connection = entityManager.unwrap(Connection.class);
      return connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new jakarta.persistence.PersistenceException(e);
    }
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, ServerUnits.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
