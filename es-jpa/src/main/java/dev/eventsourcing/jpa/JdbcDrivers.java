package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;

/**
 * The JDBC drivers, which es-jpa leaves to its users (they are optional dependencies): a store checks that its own
 * is on the class path before any of its classes that use it is loaded.
 */
public final class JdbcDrivers {
  private JdbcDrivers() {}

  /**
   * @param driverClass a class of the driver, named by the store itself
   * @param artifact the driver's Maven coordinates, for the message
   * @throws ConfigurationException naming the application, the store and the artifact to add, if the driver is
   *     missing
   */
  public static void require(Environment environment, String store, String driverClass, String artifact) {
    try {
      Class.forName(driverClass, false, JdbcDrivers.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigurationException("application " + environment.name() + ": "
          + InfrastructureFactory.PERSISTENCE_MODULE + "=" + store + " needs its JDBC driver on the class path:"
          + " add the dependency " + artifact, e);
    }
  }
}
