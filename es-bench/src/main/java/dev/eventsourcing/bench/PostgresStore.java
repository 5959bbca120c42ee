package dev.eventsourcing.bench;

import dev.eventsourcing.bench.jdbc.JdbcWorlds;
import dev.eventsourcing.bench.jdbc.PostgresJdbcWorlds;
import dev.eventsourcing.examples.universe.Universe;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL: each measurement starts by dropping the tables of the previous one. The library runs the postgres
 * store, or the jpa store on the same tables ({@link #jpa}).
 */
public final class PostgresStore implements Store {
  /** The tables the library makes for the benchmark's applications, named from the applications' names. */
  private static final String LIBRARY_TABLES = String.join(", ", tables(Universe.class, "_events"),
      tables(Universe.class, "_snapshots"), tables(BenchFollower.class, "_events"),
      tables(BenchFollower.class, "_snapshots"), tables(BenchFollower.class, "_tracking"));

  private final PostgresServer server;
  private final boolean jpa;
  private final boolean ownsServer;

  /** The postgres store on {@code server}, which it closes. */
  public PostgresStore(PostgresServer server) {
    this(server, false, true);
  }

  private PostgresStore(PostgresServer server, boolean jpa, boolean ownsServer) {
    this.server = server;
    this.jpa = jpa;
    this.ownsServer = ownsServer;
  }

  /** The jpa store on {@code server}, which it closes if it {@code ownsServer}. */
  public static PostgresStore jpa(PostgresServer server, boolean ownsServer) {
    return new PostgresStore(server, true, ownsServer);
  }

  @Override
  public StoreKind kind() {
    return jpa ? StoreKind.JPA_POSTGRES : StoreKind.POSTGRES;
  }

  @Override
  public String description() {
    return (jpa ? "the jpa store (Hibernate " + org.hibernate.Version.getVersionString() + ") on " : "")
        + server.description();
  }

  @Override
  public Worlds library(Features features) {
    execute("DROP TABLE IF EXISTS " + LIBRARY_TABLES);
    Map<String, String> environment = features.libraryEnvironment();
    environment.put(InfrastructureFactory.PERSISTENCE_MODULE, kind().persistenceModule());
    if (jpa) {
      environment.put("JPA_JDBC_URL", server.url());
      environment.put("JPA_JDBC_USER", server.user());
      environment.put("JPA_JDBC_PASSWORD", server.password());
    } else {
      environment.putAll(server.libraryEnvironment());
    }
    return new LibraryWorlds(environment);
  }

  /** The JDBC URL of the store's server. */
  public String url() {
    return server.url();
  }

  @Override
  public Worlds baseline(Features features) {
    return new PostgresJdbcWorlds(JdbcWorlds.Discipline.LIBRARY, server.url(), server.user(), server.password(),
        features.codec(), features.snapshots());
  }

  @Override
  public Worlds physicalLimit(Features features) {
    return new PostgresJdbcWorlds(JdbcWorlds.Discipline.LIMIT, server.url(), server.user(), server.password(),
        features.codec(), features.snapshots());
  }

  /** A checkpoint, so that none falls into a measurement (checkpoint_timeout is 5 minutes by default). */
  @Override
  public void settle() {
    try {
      execute("CHECKPOINT");
    } catch (IllegalStateException e) {
      // Only superusers (and pg_checkpoint members) may: an external server's user may not.
    }
  }

  @Override
  public void close() {
    if (ownsServer) {
      server.close();
    }
  }

  private void execute(String sql) {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private static String tables(Class<?> application, String suffix) {
    return application.getSimpleName().toLowerCase(Locale.ROOT) + suffix;
  }
}
