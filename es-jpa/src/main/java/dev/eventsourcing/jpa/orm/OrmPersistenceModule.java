package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;

/**
 * {@code PERSISTENCE_MODULE=jpa}. Found on every class path of es-jpa; it needs a JPA provider, an optional
 * dependency, only when it is chosen: the one of {@code JPA_PROVIDER}, or for a named unit Hibernate or EclipseLink.
 */
public final class OrmPersistenceModule implements PersistenceModule {
  @Override
  public String name() {
    return "jpa";
  }

  @Override
  public void check(Environment environment) {
    requireProvider(environment, OrmSettings.of(environment));
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    requireProvider(environment, OrmSettings.of(environment));
    return new OrmInfrastructureFactory(environment);
  }

  private static void requireProvider(Environment environment, OrmSettings settings) {
    if (settings.provider() != null) {
      settings.provider().require(environment.name());
    } else if (!JpaProvider.HIBERNATE.isPresent() && !JpaProvider.ECLIPSELINK.isPresent()) {
      throw new ConfigurationException("application " + environment.name() + ": PERSISTENCE_MODULE=jpa builds its"
          + " persistence unit with Hibernate or EclipseLink: add org.hibernate.orm:hibernate-core 7 or"
          + " org.eclipse.persistence:org.eclipse.persistence.jpa 5 to the class path");
    }
  }
}
