package dev.eventsourcing.jpa.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaStore;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.Environment;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The factory of the PostgreSQL store ({@code PERSISTENCE_MODULE=postgres}). Besides the settings of {@link
 * JpaInfrastructureFactory}, it reads (each may be prefixed with the application's name):
 *
 * <ul>
 *   <li>{@value #POSTGRES_DBNAME} (required), {@value #POSTGRES_HOST} (default {@code localhost}), {@value
 *       #POSTGRES_PORT} (default 5432), {@value #POSTGRES_USER} (required), {@value #POSTGRES_PASSWORD}: where to
 *       connect, unless a {@link DataSource} is given in code or by JNDI name;
 *   <li>{@value #POSTGRES_POOL_SIZE}: the most connections the pool opens (default 5);
 *   <li>{@value #POSTGRES_CONNECT_TIMEOUT}: seconds to wait for a connection, from the server or the pool (default
 *       5);
 *   <li>{@value #POSTGRES_LOCK_TIMEOUT}: seconds a writer waits for the other writers of its application object,
 *       and then at most as long for the events table's lock, before failing with an {@link
 *       dev.eventsourcing.persistence.OperationalException} (default 0: no limit);
 *   <li>{@value #POSTGRES_SCHEMA}: the schema of the application's tables (default: the connection's search path);
 *   <li>{@value #POSTGRES_NOTIFY}: whether a save notifies the application's channel ({@code NOTIFY}, delivered
 *       on commit), and the recorder listens to it for its {@linkplain
 *       dev.eventsourcing.persistence.ApplicationRecorder#subscribe subscribers}, so followers in other processes
 *       learn of new events at once (default {@code true});
 *   <li>{@value #POSTGRES_FOLLOWER_LEASE}: whether a process application's {@linkplain
 *       dev.eventsourcing.persistence.ProcessRecorder#tryLease lease} is a session-level advisory lock, so that it
 *       is processed in one process at a time (default {@code true}); with {@code false}, every process that runs
 *       it processes it, and the tracking records alone keep the processing exactly once.
 * </ul>
 *
 * <p>Listening and leases take one connection per application beside the pool, opened when first needed: a
 * {@link dev.eventsourcing.system.MultiThreadedRunner} uses both.
 */
public class PostgresInfrastructureFactory extends JpaInfrastructureFactory {
  public static final String POSTGRES_DBNAME = "POSTGRES_DBNAME";
  public static final String POSTGRES_HOST = "POSTGRES_HOST";
  public static final String POSTGRES_PORT = "POSTGRES_PORT";
  public static final String POSTGRES_USER = "POSTGRES_USER";
  public static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";
  public static final String POSTGRES_SCHEMA = "POSTGRES_SCHEMA";
  public static final String POSTGRES_LOCK_TIMEOUT = "POSTGRES_LOCK_TIMEOUT";
  public static final String POSTGRES_POOL_SIZE = "POSTGRES_POOL_SIZE";
  public static final String POSTGRES_CONNECT_TIMEOUT = "POSTGRES_CONNECT_TIMEOUT";
  public static final String POSTGRES_NOTIFY = "POSTGRES_NOTIFY";
  public static final String POSTGRES_FOLLOWER_LEASE = "POSTGRES_FOLLOWER_LEASE";

  private final PostgresStore store;

  /** A store with a pool built from the settings, or on the {@code DataSource} named by the JNDI setting. */
  public PostgresInfrastructureFactory(Environment environment) {
    this(environment, null);
  }

  /**
   * A store on the given {@code DataSource} (the caller keeps it and closes it), or, if {@code null}, as {@link
   * #PostgresInfrastructureFactory(Environment)}.
   */
  public PostgresInfrastructureFactory(Environment environment, @Nullable DataSource dataSource) {
    this(environment, PostgresSettings.parse(environment), dataSource);
  }

  private PostgresInfrastructureFactory(
      Environment environment, PostgresSettings settings, @Nullable DataSource dataSource) {
    super(environment, settings.jpa());
    String name = environment.name();
    TableNames tables = settings.tables();
    List<AutoCloseable> owned = new ArrayList<>();
    DataSource source = dataSource != null ? dataSource : lookUpDataSource(environment, settings.jpa());
    boolean jta = settings.jpa().isJta(source != null);
    // The session's connection is held for as long as the store is open: outside the store's own pool, so the
    // pool keeps all its connections; from a given DataSource, one of its connections.
    DataSource session = source;
    if (source == null) {
      HikariConfig config = poolConfig(environment, settings);
      session = config.getDataSource();
      try {
        HikariDataSource pool = new HikariDataSource(config);
        owned.add(pool);
        source = pool;
      } catch (RuntimeException e) {
        throw JpaErrors.translate(e, name, "connecting to PostgreSQL");
      }
    }
    boolean notify = settings.notifyOnSave();
    boolean leases = settings.followerLease();
    this.store = new PostgresStore(name, tables, source, jta, owned, settings.lockTimeout(),
        notify || leases ? session : null, notify, leases, environment.threads());
  }

  @Override
  protected JpaStore store() {
    return store;
  }

  private static HikariConfig poolConfig(Environment environment, PostgresSettings settings) {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setServerNames(new String[] {settings.host()});
    postgres.setPortNumbers(new int[] {settings.port()});
    postgres.setDatabaseName(environment.require(POSTGRES_DBNAME, "connecting to PostgreSQL"));
    postgres.setUser(environment.require(POSTGRES_USER, "connecting to PostgreSQL"));
    String password = environment.get(POSTGRES_PASSWORD);
    if (password != null) {
      postgres.setPassword(password);
    }
    int connectTimeout = settings.connectTimeout();
    postgres.setConnectTimeout(connectTimeout);
    postgres.setLoginTimeout(connectTimeout);
    postgres.setTcpKeepAlive(true);
    postgres.setReWriteBatchedInserts(true);
    postgres.setApplicationName("eventsourcing " + environment.name());

    HikariConfig config = new HikariConfig();
    config.setDataSource(postgres);
    config.setPoolName("eventsourcing-" + environment.name());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(connectTimeout * 1000L);
    config.setValidationTimeout(Math.min(connectTimeout * 1000L, 5_000L));
    if (settings.tables().schema() != null) {
      config.setSchema(settings.tables().schema());
    }
    return config;
  }
}
