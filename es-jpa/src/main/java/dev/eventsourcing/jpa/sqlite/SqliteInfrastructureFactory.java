package dev.eventsourcing.jpa.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSettings;
import dev.eventsourcing.jpa.JpaStore;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.persistence.Environment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The factory of the SQLite store ({@code PERSISTENCE_MODULE=sqlite}). Besides the settings of {@link
 * JpaInfrastructureFactory}, it reads (each may be prefixed with the application's name):
 *
 * <ul>
 *   <li>{@value #SQLITE_DBNAME} (required): the database file's path, created if missing, or {@code :memory:} for
 *       a database in memory that lives as long as the factory (the application) and that only it sees;
 *   <li>{@value #SQLITE_LOCK_TIMEOUT}: seconds a writer waits for the other writers of its application object,
 *       and then at most as long for the database's write lock, before failing with an {@link
 *       dev.eventsourcing.persistence.OperationalException} (default 5).
 * </ul>
 *
 * <p>A database file is opened in WAL mode, so readers never wait for the writer. A {@link DataSource} given in
 * code or by JNDI name is used as it is: configure it for WAL, a busy timeout and {@code IMMEDIATE}
 * transactions. With per-subject encryption the pool's connections also use {@code secure_delete}, so the bytes of
 * erased data keys are overwritten in the file.
 */
public class SqliteInfrastructureFactory extends JpaInfrastructureFactory {
  public static final String SQLITE_DBNAME = "SQLITE_DBNAME";
  public static final String SQLITE_LOCK_TIMEOUT = "SQLITE_LOCK_TIMEOUT";

  private static final String MEMORY = ":memory:";
  private static final int FILE_POOL_SIZE = 4;

  private final SqliteStore store;

  /**
   * The settings of the SQLite store, parsed once; opens nothing.
   *
   * @param dbname {@value #SQLITE_DBNAME}, parsed whenever it is set; required when the store opens its own pool,
   *     as a {@code DataSource} given in code or by JNDI name does not need it
   */
  private record Settings(JpaSettings jpa, TableNames tables, int lockTimeout, @Nullable String dbname) {
    static Settings parse(Environment environment) {
      String dbname = environment.get(SQLITE_DBNAME);
      if (dbname != null && (dbname.isBlank() || !dbname.strip().equals(dbname))) {
        throw environment.invalid(SQLITE_DBNAME, dbname.isBlank() ? "is blank" : "starts or ends with whitespace");
      }
      return new Settings(JpaSettings.parse(environment), TableNames.of(environment, null),
          environment.getInt(SQLITE_LOCK_TIMEOUT, 5, 0, 86_400), dbname);
    }
  }

  /** A store on the database {@value #SQLITE_DBNAME} names, or on the {@code DataSource} named by JNDI. */
  public SqliteInfrastructureFactory(Environment environment) {
    this(environment, null);
  }

  /**
   * A store on the given {@code DataSource} (the caller keeps it and closes it), or, if {@code null}, as {@link
   * #SqliteInfrastructureFactory(Environment)}.
   */
  public SqliteInfrastructureFactory(Environment environment, @Nullable DataSource dataSource) {
    this(environment, Settings.parse(environment), dataSource);
  }

  private SqliteInfrastructureFactory(Environment environment, Settings settings, @Nullable DataSource dataSource) {
    super(environment, settings.jpa());
    String name = environment.name();
    TableNames tables = settings.tables();
    int lockTimeout = settings.lockTimeout();
    List<AutoCloseable> owned = new ArrayList<>();
    DataSource source = dataSource != null ? dataSource : lookUpDataSource(environment, settings.jpa());
    boolean jta = settings.jpa().isJta(source != null);
    try {
      boolean ownPool = source == null;
      if (ownPool) {
        String dbname = settings.dbname() != null
            ? settings.dbname()
            : environment.require(SQLITE_DBNAME, "opening the SQLite database");
        source = openPool(environment, dbname, lockTimeout, isPerSubjectEncryption(), owned);
      }
      this.store = new SqliteStore(name, tables, source, jta, owned, lockTimeout, ownPool);
    } catch (RuntimeException e) {
      for (AutoCloseable resource : owned) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof EventSourcingException known) {
        throw known;
      }
      throw JpaErrors.translate(e, name, "opening the SQLite database", SqliteErrors.INSTANCE);
    }
  }

  /** Parses the store's settings as the constructor does, opening nothing. */
  static void checkSettings(Environment environment) {
    Settings.parse(environment);
  }

  @Override
  protected JpaStore store() {
    return store;
  }

  private static DataSource openPool(
      Environment environment, String dbname, int lockTimeout, boolean secureDelete, List<AutoCloseable> owned) {
    boolean memory = dbname.equals(MEMORY);
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setBusyTimeout(lockTimeout * 1000);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    if (!memory) {
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    if (secureDelete) {
      sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    }
    SQLiteDataSource database = new SQLiteDataSource(sqlite);
    // A shared in-memory database lives while a connection to it is open: one is held for the factory's life.
    database.setUrl(memory
        ? "jdbc:sqlite:file:eventsourcing-" + UUID.randomUUID() + "?mode=memory&cache=shared"
        : "jdbc:sqlite:" + dbname);
    if (memory) {
      try {
        Connection keeper = database.getConnection();
        owned.add(keeper);
      } catch (SQLException e) {
        throw JpaErrors.translate(e, environment.name(), "opening the in-memory SQLite database",
            SqliteErrors.INSTANCE);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(database);
    config.setPoolName("eventsourcing-" + environment.name());
    // In memory, one connection: connections sharing a cache lock tables against each other rather than wait.
    config.setMaximumPoolSize(memory ? 1 : FILE_POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    HikariDataSource pool = new HikariDataSource(config);
    owned.add(0, pool);
    return pool;
  }
}
