package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.NotSupportedException;
import dev.eventsourcing.persistence.ProcessRecorder;
import java.util.HashSet;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The base of the database stores' factories. Besides the settings of every store, it reads:
 *
 * <ul>
 *   <li>{@value #CREATE_TABLE}: create the application's tables, each if it does not exist, when its recorder is
 *       made (default {@code true}); set it to {@code false} when the schema is managed otherwise.
 *   <li>{@value #DATASOURCE_JNDI_NAME}: the JNDI name of a {@link DataSource} to use, such as an application
 *       server's {@code java:comp/DefaultDataSource}, instead of a pool built from the store's settings. A {@code
 *       DataSource} can also be given in code, to the store factory's constructor.
 *   <li>{@value #TRANSACTION_TYPE}: {@code JTA} or {@code RESOURCE_LOCAL}. With {@code JTA}, a save inside the
 *       caller's JTA transaction joins it, so its events commit or roll back with it, and a save outside one runs
 *       in a JTA transaction of its own; the {@code DataSource} must then be one the server enlists in JTA
 *       transactions (as servers' data sources are by default). The default is {@code JTA} for a {@code
 *       DataSource} given in code or by JNDI name in a Jakarta EE server (where {@code
 *       java:comp/TransactionSynchronizationRegistry} is found), otherwise {@code RESOURCE_LOCAL}: the store's
 *       own transactions on the store's own pool.
 * </ul>
 */
public abstract class JpaInfrastructureFactory extends InfrastructureFactory {
  public static final String CREATE_TABLE = "CREATE_TABLE";
  public static final String DATASOURCE_JNDI_NAME = "DATASOURCE_JNDI_NAME";
  public static final String TRANSACTION_TYPE = "TRANSACTION_TYPE";

  private final boolean createTable;
  private final Set<String> created = new HashSet<>();

  /**
   * @param settings the environment's settings of database stores, as {@link JpaSettings#parse} parses them
   */
  protected JpaInfrastructureFactory(Environment environment, JpaSettings settings) {
    super(environment);
    this.createTable = settings.createTable();
  }

  /** The application's tables in this factory's database. */
  protected abstract JpaStore store();

  /**
   * The recorder of snapshots.
   *
   * @param purpose {@code snapshots}, the only purpose this store keeps apart from events
   */
  @Override
  public AggregateRecorder aggregateRecorder(String purpose) {
    if (!purpose.equals(TableNames.SNAPSHOTS)) {
      throw new NotSupportedException("application " + environment().name() + ": a database store keeps events and "
          + "snapshots, not '" + purpose + "'");
    }
    createTables(TableNames.SNAPSHOTS);
    return new JpaAggregateRecorder(store());
  }

  @Override
  public ApplicationRecorder applicationRecorder() {
    createTables(isPerSubjectEncryption() ? new String[] {TableNames.EVENTS, TableNames.KEYS}
        : new String[] {TableNames.EVENTS});
    return new JpaApplicationRecorder(store());
  }

  @Override
  public ProcessRecorder processRecorder() {
    createTables(isPerSubjectEncryption() ? new String[] {TableNames.EVENTS, TableNames.TRACKING, TableNames.KEYS}
        : new String[] {TableNames.EVENTS, TableNames.TRACKING});
    return new JpaProcessRecorder(store());
  }

  @Override
  public void close() {
    store().close();
  }

  /**
   * The {@link DataSource} that {@value #DATASOURCE_JNDI_NAME} names, or {@code null} if it is not set.
   *
   * @throws ConfigurationException if the name is set and the lookup fails
   */
  protected static @Nullable DataSource lookUpDataSource(Environment environment, JpaSettings settings) {
    String name = settings.dataSourceJndiName();
    if (name == null) {
      return null;
    }
    try {
      Object found = new InitialContext().lookup(name);
      if (found instanceof DataSource dataSource) {
        return dataSource;
      }
      throw environment.invalid(DATASOURCE_JNDI_NAME, "='" + name + "' names a "
          + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
    } catch (NamingException e) {
      throw environment.invalid(DATASOURCE_JNDI_NAME, "='" + name + "' could not be looked up: " + e, e);
    }
  }

  private synchronized void createTables(String... tables) {
    if (!createTable) {
      return;
    }
    Set<String> missing = new HashSet<>(Set.of(tables));
    missing.removeAll(created);
    if (!missing.isEmpty()) {
      store().createTables(missing.toArray(String[]::new));
      created.addAll(missing);
    }
  }
}
