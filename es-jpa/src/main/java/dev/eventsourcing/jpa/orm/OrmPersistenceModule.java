package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;

/**
 * {@code PERSISTENCE_MODULE=jpa}. Found on every class path of es-jpa; it needs Hibernate, an optional dependency,
 * only when it is chosen.
 */
public final class OrmPersistenceModule implements PersistenceModule {
  private static final String HIBERNATE = "org.hibernate.jpa.HibernatePersistenceProvider";

  @Override
  public String name() {
    return "jpa";
  }

  @Override
  public void check(Environment environment) {
    requireHibernate(environment);
    OrmSettings.of(environment);
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    requireHibernate(environment);
    return new OrmInfrastructureFactory(environment);
  }

  private static void requireHibernate(Environment environment) {
    try {
      Class.forName(HIBERNATE, false, OrmPersistenceModule.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigurationException("application " + environment.name() + ": PERSISTENCE_MODULE=jpa builds its"
          + " persistence unit with Hibernate: add org.hibernate.orm:hibernate-core 7 to the class path", e);
    }
  }
}
