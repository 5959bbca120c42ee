package dev.eventsourcing.jpa.orm;

import static dev.eventsourcing.jpa.orm.OrmInfrastructureFactory.JPA_JDBC_PASSWORD;
import static dev.eventsourcing.jpa.orm.OrmInfrastructureFactory.JPA_JDBC_URL;
import static dev.eventsourcing.jpa.orm.OrmInfrastructureFactory.JPA_JDBC_USER;
import static dev.eventsourcing.jpa.orm.OrmInfrastructureFactory.JPA_PERSISTENCE_UNIT;
import static dev.eventsourcing.jpa.orm.OrmInfrastructureFactory.JPA_PROVIDER;

import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import org.jspecify.annotations.Nullable;

/**
 * The JPA store's settings, parsed and checked without opening anything.
 *
 * @param url the JDBC URL of a persistence unit the store builds, or {@code null} with a named unit
 * @param database the database the URL names, or {@code null} with a named unit (it is asked for its name then)
 * @param provider the JPA provider of a persistence unit the store builds, or {@code null} with a named unit (whose
 *     {@code <provider>} it is)
 * @param unit the name of a persistence unit of {@code META-INF/persistence.xml}, or {@code null}
 */
record OrmSettings(
    TableNames tables,
    @Nullable String url,
    @Nullable Database database,
    @Nullable JpaProvider provider,
    @Nullable String user,
    @Nullable String password,
    @Nullable String unit,
    boolean createTables) {

  static OrmSettings of(Environment environment) {
    TableNames tables = TableNames.of(environment, null);
    String url = environment.get(JPA_JDBC_URL);
    String unit = environment.get(JPA_PERSISTENCE_UNIT);
    boolean createTables = environment.getBoolean(JpaInfrastructureFactory.CREATE_TABLE, true);
    if (url != null && unit != null) {
      throw new ConfigurationException("application " + environment.name() + ": " + environment.given(JPA_JDBC_URL)
          + " and " + environment.given(JPA_PERSISTENCE_UNIT) + " are both set: the jpa store builds a persistence"
          + " unit from the URL, or uses the named one; unset one of them");
    }
    String providerName = environment.get(JPA_PROVIDER);
    if (unit != null) {
      if (providerName != null) {
        throw new ConfigurationException("application " + environment.name() + ": "
            + environment.given(JPA_PROVIDER) + " and " + environment.given(JPA_PERSISTENCE_UNIT) + " are both set: a"
            + " named unit has the provider of its <provider> in persistence.xml; unset "
            + environment.given(JPA_PROVIDER));
      }
      return new OrmSettings(tables, null, null, null, null, null, unit, createTables);
    }
    JpaProvider provider = providerName == null ? JpaProvider.HIBERNATE : JpaProvider.ofSetting(providerName);
    if (provider == null) {
      throw environment.invalid(JPA_PROVIDER, "='" + providerName + "' is not a JPA provider the jpa store builds"
          + " units with: use hibernate (the default) or eclipselink");
    }
    if (url == null) {
      throw new ConfigurationException("application " + environment.name() + ": PERSISTENCE_MODULE=jpa needs "
          + JPA_JDBC_URL + " (such as jdbc:postgresql://localhost/orders or jdbc:sqlite:orders.db) or "
          + JPA_PERSISTENCE_UNIT + " (a persistence unit of META-INF/persistence.xml)");
    }
    Database database = Database.ofUrl(url);
    if (database == null) {
      throw environment.invalid(JPA_JDBC_URL, "='" + withoutParameters(url) + "' names a database the jpa"
          + " store does not run on: use a URL beginning with one of " + Database.urlPrefixes());
    }
    if (!database.runsOn(provider)) {
      throw new ConfigurationException("application " + environment.name() + ": "
          + environment.given(JPA_JDBC_URL) + "='" + withoutParameters(url) + "' is a database of " + database + ", where the jpa store does not run with "
          + provider + ": use " + JPA_PROVIDER + "=" + JpaProvider.HIBERNATE.settingValue() + " there");
    }
    return new OrmSettings(tables, url, database, provider, environment.get(JPA_JDBC_USER),
        environment.get(JPA_JDBC_PASSWORD), null, createTables);
  }

  /**
   * The settings of a store on an entity manager given in code: {@value OrmInfrastructureFactory#JPA_JDBC_URL},
   * {@value OrmInfrastructureFactory#JPA_PERSISTENCE_UNIT} and {@value OrmInfrastructureFactory#JPA_PROVIDER} are
   * not read, so none may be set, and {@code PERSISTENCE_MODULE}, if set, must be {@code jpa}.
   */
  static OrmSettings forEntityManager(Environment environment) {
    String module = environment.get(InfrastructureFactory.PERSISTENCE_MODULE);
    if (module != null && !module.trim().equals("jpa")) {
      throw environment.invalid(InfrastructureFactory.PERSISTENCE_MODULE, "='" + module + "', but the application"
          + " is given an EntityManager, which only the jpa store takes: set it to jpa");
    }
    for (String unused : new String[] {JPA_JDBC_URL, JPA_PERSISTENCE_UNIT, JPA_PROVIDER}) {
      if (environment.get(unused) != null) {
        throw new ConfigurationException("application " + environment.name() + ": " + unused + " is set, but the"
            + " application is given an EntityManager, whose persistence unit holds its events: unset it");
      }
    }
    return new OrmSettings(TableNames.of(environment, null), null, null, null, null, null, null,
        environment.getBoolean(JpaInfrastructureFactory.CREATE_TABLE, true));
  }

  /** Never shows the password, nor the URL's parameters. */
  @Override
  public String toString() {
    return "OrmSettings[" + (unit != null ? "unit " + unit : provider + ", " + withoutParameters(url)) + ", user "
        + user + "]";
  }

  /** A URL without the parameters that may hold a password. */
  static String withoutParameters(@Nullable String url) {
    return url == null ? "" : url.replaceFirst("[?;].*", "?...");
  }
}
