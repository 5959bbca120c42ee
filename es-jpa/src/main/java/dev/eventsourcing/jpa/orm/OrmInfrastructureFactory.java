package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.NotSupportedException;
import dev.eventsourcing.persistence.ProcessRecorder;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The factory of the JPA store ({@code PERSISTENCE_MODULE=jpa}): the application's events, snapshots, tracking
 * records and data keys as JPA entities, through an {@code EntityManager} of a persistence unit built with
 * Hibernate or EclipseLink, on the tables of the {@code postgres} and {@code sqlite} stores. Besides the settings of
 * every store, it reads (each may be prefixed with the application's name):
 *
 * <ul>
 *   <li>{@value #JPA_JDBC_URL}, {@value #JPA_JDBC_USER}, {@value #JPA_JDBC_PASSWORD}: the database of a persistence
 *       unit the store builds, on a HikariCP pool of its own; the URL begins with {@code jdbc:postgresql:} or
 *       {@code jdbc:sqlite:} (a database file), and Hibernate's dialect follows from it;
 *   <li>{@value #JPA_PROVIDER}: the JPA provider of a unit the store builds from the URL, {@code hibernate} (the
 *       default) or {@code eclipselink}; EclipseLink runs on PostgreSQL, not SQLite;
 *   <li>{@value #JPA_PERSISTENCE_UNIT}: instead, the name of a persistence unit of the class path's {@code
 *       META-INF/persistence.xml}, with Hibernate or EclipseLink as its provider and the library's entities mapped ({@code
 *       <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>}); the store builds it once per application;
 *   <li>{@value dev.eventsourcing.jpa.JpaInfrastructureFactory#CREATE_TABLE}: create the application's tables, each
 *       if it does not exist, when its recorder is made (default {@code true}).
 * </ul>
 */
public class OrmInfrastructureFactory extends InfrastructureFactory {
  public static final String JPA_JDBC_URL = "JPA_JDBC_URL";
  public static final String JPA_JDBC_USER = "JPA_JDBC_USER";
  public static final String JPA_JDBC_PASSWORD = "JPA_JDBC_PASSWORD";
  public static final String JPA_PERSISTENCE_UNIT = "JPA_PERSISTENCE_UNIT";
  public static final String JPA_PROVIDER = "JPA_PROVIDER";

  private final OrmStore store;
  private final boolean createTables;
  private final Set<String> created = new HashSet<>();

  public OrmInfrastructureFactory(Environment environment) {
    super(environment);
    OrmSettings settings = OrmSettings.of(environment);
    this.createTables = settings.createTables();
    this.store = PersistenceUnits.open(environment.name(), settings, isPerSubjectEncryption());
  }

  /**
   * The store of an application on a server's container-managed entity manager (JTA), such as one of {@code
   * @PersistenceContext}: its writes join the caller's JTA transaction, or run in one of their own. The
   * entity manager's persistence unit maps the library's entities to this application's tables: it includes
   * {@code <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>} and names the application in the property
   * {@code eventsourcing.application}, which the provider's naming hook reads. The server keeps the entity manager
   * and closes it.
   *
   * @throws ConfigurationException if a setting is invalid, the process is not a server, or the unit maps another
   *     application's tables
   */
  public OrmInfrastructureFactory(Environment environment, EntityManager entityManager) {
    super(environment);
    OrmSettings settings = OrmSettings.forEntityManager(environment);
    this.createTables = settings.createTables();
    this.store = ServerUnits.open(environment.name(), settings.tables(), entityManager);
  }

  /**
   * The recorder of snapshots.
   *
   * @param purpose {@code snapshots}, the only purpose this store keeps apart from events
   */
  @Override
  public AggregateRecorder aggregateRecorder(String purpose) {
    if (!purpose.equals(TableNames.SNAPSHOTS)) {
      throw new NotSupportedException("application " + environment().name() + ": the jpa store keeps events and "
          + "snapshots, not '" + purpose + "'");
    }
    createTables(List.of(TableNames.SNAPSHOTS));
    return new OrmAggregateRecorder(store);
  }

  @Override
  public ApplicationRecorder applicationRecorder() {
    createTables(isPerSubjectEncryption() ? List.of(TableNames.EVENTS, TableNames.KEYS) : List.of(TableNames.EVENTS));
    return new OrmApplicationRecorder(store, false);
  }

  @Override
  public ProcessRecorder processRecorder() {
    createTables(isPerSubjectEncryption()
        ? List.of(TableNames.EVENTS, TableNames.TRACKING, TableNames.KEYS)
        : List.of(TableNames.EVENTS, TableNames.TRACKING));
    return new OrmProcessRecorder(store);
  }

  @Override
  public void close() {
    store.close();
  }

  private synchronized void createTables(List<String> tables) {
    if (!createTables) {
      return;
    }
    Set<String> missing = new HashSet<>(tables);
    missing.removeAll(created);
    if (!missing.isEmpty()) {
      store.createTables(missing.toArray(String[]::new));
      created.addAll(missing);
    }
  }
}
