package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.persistence.ConfigurationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The JPA providers the store builds its persistence units with, each with its own hook that maps the library's
 * entities to an application's tables: Hibernate's {@link ApplicationTableNaming}, EclipseLink's {@link
 * EclipseLinkTableNaming}.
 */
enum JpaProvider {
  HIBERNATE("hibernate", "org.hibernate.jpa.HibernatePersistenceProvider", "org.hibernate.orm:hibernate-core 7"),
  ECLIPSELINK("eclipselink", "org.eclipse.persistence.jpa.PersistenceProvider",
      "org.eclipse.persistence:org.eclipse.persistence.jpa 5");

  private final String settingValue;
  private final String providerClass;
  private final String artifact;

  JpaProvider(String settingValue, String providerClass, String artifact) {
    this.settingValue = settingValue;
    this.providerClass = providerClass;
    this.artifact = artifact;
  }

  /** The value of {@code JPA_PROVIDER} that names it. */
  String settingValue() {
    return settingValue;
  }

  /** The class of its {@code jakarta.persistence.spi.PersistenceProvider}. */
  String providerClass() {
    return providerClass;
  }

  /** Whether its classes are on the class path of the library. */
  boolean isPresent() {
    try {
      Class.forName(providerClass, false, JpaProvider.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** @throws ConfigurationException naming what to add, if its classes are not on the class path */
  void require(String applicationName) {
    if (!isPresent()) {
      throw new ConfigurationException("application " + applicationName + ": the jpa store builds its persistence"
          + " unit with " + this + " (" + OrmInfrastructureFactory.JPA_PROVIDER + "=" + settingValue + "): add "
          + artifact + " to the class path");
    }
  }

  /** The provider a value of {@code JPA_PROVIDER} names, or {@code null} if none. */
  static @Nullable JpaProvider ofSetting(String value) {
    for (JpaProvider provider : values()) {
      if (provider.settingValue.equals(value.toLowerCase(Locale.ROOT))) {
        return provider;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return this == HIBERNATE ? "Hibernate" : "EclipseLink";
  }
}
