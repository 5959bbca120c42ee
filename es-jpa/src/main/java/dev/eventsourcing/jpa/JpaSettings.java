package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The settings every database store reads (see {@link JpaInfrastructureFactory}), parsed once from an application's
 * environment. Parsing opens nothing: the JNDI name is looked up when the store opens.
 *
 * @param createTable {@value JpaInfrastructureFactory#CREATE_TABLE}: whether the store creates the application's
 *     tables
 * @param dataSourceJndiName {@value JpaInfrastructureFactory#DATASOURCE_JNDI_NAME}, or {@code null} if not set
 * @param jta {@value JpaInfrastructureFactory#TRANSACTION_TYPE}: {@code true} for {@code JTA}, {@code false} for
 *     {@code RESOURCE_LOCAL}, {@code null} if not set (see {@link #isJta})
 */
public record JpaSettings(boolean createTable, @Nullable String dataSourceJndiName, @Nullable Boolean jta) {
  /**
   * The settings of the environment's application.
   *
   * @throws ConfigurationException naming the application and the setting that is not valid, as given
   */
  public static JpaSettings parse(Environment environment) {
    boolean createTable = environment.getBoolean(JpaInfrastructureFactory.CREATE_TABLE, true);
    String jndiName = environment.get(JpaInfrastructureFactory.DATASOURCE_JNDI_NAME);
    String type = environment.get(JpaInfrastructureFactory.TRANSACTION_TYPE);
    Boolean jta = type == null ? null : switch (type.trim().toUpperCase(Locale.ROOT)) {
      case "JTA" -> true;
      case "RESOURCE_LOCAL" -> false;
      default -> throw environment.invalid(JpaInfrastructureFactory.TRANSACTION_TYPE,
          "='" + type + "' is not a transaction type: use JTA or RESOURCE_LOCAL");
    };
    return new JpaSettings(createTable, jndiName, jta);
  }

  /**
   * Whether the store's transactions are a Jakarta EE server's: as {@link #jta} says, or by default for a {@code
   * DataSource} given in code or by JNDI name in a server (where {@code
   * java:comp/TransactionSynchronizationRegistry} is found).
   *
   * @param givenDataSource whether the {@code DataSource} was given in code or by JNDI name, rather than opened by
   *     the store
   */
  public boolean isJta(boolean givenDataSource) {
    return jta != null ? jta : givenDataSource && ServerTransactions.isInServer();
  }
}
