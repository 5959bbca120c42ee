package dev.eventsourcing.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example WAR in a server, the same tests on each: the Universe injected into a JAX-RS resource, its events in
 * PostgreSQL (an embedded server started here) through a data source of the deployment, saves that join the
 * caller's JTA transaction, and a process application on the server's managed threads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class UniverseOnAServer {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static EmbeddedPostgres postgres;

  @ArquillianResource URL base;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * The WAR the build made, with a data source on the embedded PostgreSQL and a transactional resource (a web.xml
   * of Jakarta EE 10, which both servers read).
   */
  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    String webXml = """
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
          <data-source>
            <name>java:app/jdbc/events</name>
            <class-name>org.postgresql.xa.PGXADataSource</class-name>
            <server-name>localhost</server-name>
            <port-number>%d</port-number>
            <database-name>postgres</database-name>
            <user>postgres</user>
            <password>postgres</password>
            <transactional>true</transactional>
            <max-pool-size>10</max-pool-size>
          </data-source>
        </web-app>
        """.formatted(postgres.getPort());
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("universe.war")))
        .addClasses(TransactionalWorlds.class, Multiverse.class, WorldCounter.class, CountedWorlds.class,
            CountedWorlds.Pipes.class, ObservedWorlds.class)
        .addAsWebInfResource(new StringAsset(webXml), "web.xml");
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void worldsAreCreatedChangedAndReadOverHttpWithTheirEventsInPostgres() throws Exception {
    HttpResponse<String> created = post("api/worlds", "Earth");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.body();
    assertThat(post("api/worlds/" + id + "/history", "dinosaurs").statusCode()).isEqualTo(204);
    assertThat(post("api/worlds/" + id + "/history", "trucks").statusCode()).isEqualTo(204);

    HttpResponse<String> history = get("api/worlds/" + id + "/history");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).isEqualTo("[\"dinosaurs\",\"trucks\"]");
    assertThat(eventsOf(id)).isEqualTo(3);
    assertThat(get("api/worlds/" + java.util.UUID.randomUUID() + "/history").statusCode()).isEqualTo(404);
  }

  @Test
  void aProcessApplicationFollowsTheUniverseOnTheServersManagedThreads() throws Exception {
    long before = query(postgres.getPostgresDatabase(),
        "SELECT count(*) FROM universe_events WHERE topic LIKE '%World.Created'");
    assertThat(post("api/worlds", "Jupiter").statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(60))
        .failFast("a follower failed", () -> assertThat(get("api/counted-worlds/failures").body()).isEmpty())
        .until(() -> {
          String[] counted = get("api/counted-worlds").body().split(" ");
          return Long.parseLong(counted[0]) >= before + 1;
        });
    String[] counted = get("api/counted-worlds").body().split(" ");
    assertThat(counted[1]).contains("Managed");
    assertThat(query(postgres.getPostgresDatabase(), "SELECT count(*) FROM worldcounter_tracking")).isPositive();
  }

  @Test
  void savesCommitWithTheCallersTransactionAndDisappearWhenItRollsBack() throws Exception {
    HttpResponse<String> committed = post("api/transactional-worlds?name=Mars", "");
    assertThat(committed.statusCode()).isEqualTo(200);
    assertThat(eventsOf(committed.body())).isEqualTo(2);

    long before = countEvents();
    HttpResponse<String> failed = post("api/transactional-worlds?name=Venus&fail=true", "");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(countEvents()).isEqualTo(before);
  }

  @Test
  void thePostgresSessionRunsOnAManagedThread() throws Exception {
    HttpResponse<String> thread = get("api/counted-worlds/session-thread");
    assertThat(thread.statusCode()).isEqualTo(200);
    assertThat(thread.body()).contains("Managed");
  }

  @Test
  void aCommittedSaveIsObservedAsACdiEventAndOneRolledBackIsNot() throws Exception {
    assertThat(post("api/transactional-worlds?name=Ganymede&fail=true", "").statusCode()).isEqualTo(500);
    assertThat(post("api/transactional-worlds?name=Callisto", "").statusCode()).isEqualTo(200);
    // the synchronous observer runs when the transaction commits, before the response
    List<String> observed = List.of(get("api/observed-worlds").body().split("\n"));
    assertThat(observed).contains("Callisto").doesNotContain("Ganymede");
  }

  @Test
  void anApplicationFirstUsedInATransactionThatRollsBackKeepsItsTables() throws Exception {
    HttpResponse<String> failed = post("api/transactional-worlds/multiverse?name=Pluto&fail=true", "");
    assertThat(failed.statusCode()).isEqualTo(500);
    HttpResponse<String> created = post("api/transactional-worlds/multiverse?name=Pluto", "");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(query(postgres.getPostgresDatabase(), "SELECT count(*) FROM multiverse_events")).isEqualTo(1);
  }

  @Test
  void concurrentTransactionsNeverLetAReaderSkipAnEvent() throws Exception {
    DataSource database = postgres.getPostgresDatabase();
    long start = maxNotificationId(database);
    int writers = 4;
    int transactionsEach = 15;
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
    try {
      Future<List<Long>> reader = threads.submit(() -> tail(database, start, writing));
      List<Future<Integer>> saves = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        saves.add(threads.submit(() -> {
          int committed = 0;
          for (int t = 0; t < transactionsEach; t++) {
            boolean fail = t % 5 == 4;
            HttpResponse<String> response =
                post("api/transactional-worlds?name=w" + writer + "-" + t + "&fail=" + fail, "");
            assertThat(response.statusCode()).isEqualTo(fail ? 500 : 200);
            committed += fail ? 0 : 1;
          }
          return committed;
        }));
      }
      int committed = 0;
      for (Future<Integer> save : saves) {
        committed += save.get();
      }
      writing.set(false);
      List<Long> seen = reader.get();
      assertThat(seen).hasSize(committed * 2);
      for (int i = 0; i < seen.size(); i++) {
        assertThat(seen.get(i)).isEqualTo(start + i + 1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Reads new notification ids until the writers are done and nothing more is there; each read must continue
   * exactly after the last id seen, or the reader would have skipped one for good.
   */
  private static List<Long> tail(DataSource database, long start, AtomicBoolean writing) throws SQLException {
    List<Long> seen = new ArrayList<>();
    long last = start;
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT notification_id FROM universe_events WHERE notification_id > ? ORDER BY notification_id")) {
      boolean more = true;
      while (more) {
        boolean done = !writing.get();
        select.setLong(1, last);
        int read = 0;
        try (ResultSet ids = select.executeQuery()) {
          while (ids.next()) {
            long id = ids.getLong(1);
            assertThat(id).as("the notification after %d", last).isEqualTo(last + 1);
            seen.add(id);
            last = id;
            read++;
          }
        }
        more = !done || read > 0;
      }
    }
    return seen;
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long eventsOf(String id) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM universe_events WHERE originator_id = ?::uuid")) {
      count.setString(1, id);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static long countEvents() throws SQLException {
    return query(postgres.getPostgresDatabase(), "SELECT count(*) FROM universe_events");
  }

  private static long maxNotificationId(DataSource database) throws SQLException {
    return query(database, "SELECT COALESCE(max(notification_id), 0) FROM universe_events");
  }

  private static long query(DataSource database, String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
