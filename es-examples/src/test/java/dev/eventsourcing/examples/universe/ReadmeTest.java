package dev.eventsourcing.examples.universe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.system.NotificationLogReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every assertion of the reference README (python-eventsourcing 9.0), in Java: the aggregate and the application
 * on the in-memory store, and its {@code test()} on every store (in memory, a SQLite file, SQLite in memory,
 * PostgreSQL), plain, with {@code ZlibCompressor} and {@code AesCipher}, and with per-subject data keys
 * ({@code CIPHER_MODE=per-subject}). On the SQL stores the raw events table is read too: the values are there in
 * plain JSON, and in no row once encrypted.
 */
class ReadmeTest {
  /** The values the README's worlds store: what must not be visible once encrypted. */
  private static final List<String> VALUES = List.of("Earth", "dinosaurs", "trucks", "internet");

  static boolean contains(byte[] state, String text) {
    return new String(state, StandardCharsets.ISO_8859_1).contains(text);
  }

  /** The README's settings for zlib and AES, added to a store's settings. */
  static Map<String, String> compressedAndEncrypted(Map<String, String> store) {
    Map<String, String> environment = new HashMap<>(store);
    // Generate a cipher key (keep this safe).
    environment.put("CIPHER_KEY", AesCipher.createKey(32));
    environment.put("CIPHER_TOPIC", "dev.eventsourcing.cipher:AesCipher");
    environment.put("COMPRESSOR_TOPIC", "dev.eventsourcing.compressor:ZlibCompressor");
    return environment;
  }

  /** Per-subject data keys instead of one cipher key, added to a store's settings. */
  static Map<String, String> perSubjectKeys(Map<String, String> store) {
    Map<String, String> environment = new HashMap<>(store);
    environment.put("CIPHER_MODE", "per-subject");
    environment.put("CIPHER_KEY", AesCipher.createKey(32));
    return environment;
  }

  @Test
  void synopsis() {
    try (Universe application = new Universe()) {
      UUID worldId = application.createWorld("Earth");
      application.makeItSo(worldId, "dinosaurs");
      application.makeItSo(worldId, "trucks");
      application.makeItSo(worldId, "internet");

      List<String> history = application.getHistory(worldId);
      assertThat(history).containsExactly("dinosaurs", "trucks", "internet");
    }
  }

  @Test
  void aggregates() {
    // Call the aggregate class to create a new aggregate object.
    World world = new World("Earth");

    // Check the name and the state of the new aggregate object.
    assertThat(world.name()).isEqualTo("Earth");
    assertThat(world.history()).isEmpty();

    // The aggregate has an ID: a version 4 UUID.
    assertThat(world.id()).isInstanceOf(UUID.class);
    assertThat(world.id().version()).isEqualTo(4);

    // Execute aggregate commands.
    world.makeItSo("dinosaurs");
    world.makeItSo("trucks");
    world.makeItSo("internet");

    // Check aggregate state.
    assertThat(world.history().get(0)).isEqualTo("dinosaurs");
    assertThat(world.history().get(1)).isEqualTo("trucks");
    assertThat(world.history().get(2)).isEqualTo("internet");

    // Collect events.
    List<DomainEvent<World.Event>> events = world.collectEvents();
    assertThat(events).hasSize(4);

    assertThat(events.get(0).payload().getClass().getSimpleName()).isEqualTo("Created");
    assertThat(events.get(1).payload().getClass().getSimpleName()).isEqualTo("SomethingHappened");
    assertThat(events.get(2).payload().getClass().getSimpleName()).isEqualTo("SomethingHappened");
    assertThat(events.get(3).payload().getClass().getSimpleName()).isEqualTo("SomethingHappened");

    // Python's __qualname__ is the part of the topic after the colon.
    assertThat(events.get(0).topic()).endsWith(":World.Created");
    assertThat(events.get(1).topic()).endsWith(":World.SomethingHappened");
    assertThat(events.get(2).topic()).endsWith(":World.SomethingHappened");
    assertThat(events.get(3).topic()).endsWith(":World.SomethingHappened");

    // Reconstruct the aggregate from its events.
    World copy = null;
    for (DomainEvent<World.Event> event : events) {
      copy = event.mutate(copy);
    }

    assertThat(copy.history()).isEqualTo(world.history());
    assertThat(copy.id()).isEqualTo(world.id());
    assertThat(copy.version()).isEqualTo(world.version());
    assertThat(copy.createdOn()).isEqualTo(world.createdOn());
    assertThat(copy.modifiedOn()).isEqualTo(world.modifiedOn());
  }

  @Test
  void applicationLog() {
    try (Universe application = new Universe()) {
      UUID worldId = application.createWorld("Earth");
      application.makeItSo(worldId, "dinosaurs");
      application.makeItSo(worldId, "trucks");
      application.makeItSo(worldId, "internet");

      List<Notification> notifications = application.log().section("1,4").items();
      assertThat(notifications).extracting(Notification::id).containsExactly(1L, 2L, 3L, 4L);

      assertThat(notifications.get(0).topic()).contains("World.Created");
      assertThat(notifications.get(1).topic()).contains("World.SomethingHappened");
      assertThat(notifications.get(2).topic()).contains("World.SomethingHappened");
      assertThat(notifications.get(3).topic()).contains("World.SomethingHappened");

      assertThat(contains(notifications.get(0).state(), "Earth")).isTrue();
      assertThat(contains(notifications.get(1).state(), "dinosaurs")).isTrue();
      assertThat(contains(notifications.get(2).state(), "trucks")).isTrue();
      assertThat(contains(notifications.get(3).state(), "internet")).isTrue();

      for (Notification notification : notifications) {
        assertThat(notification.originatorId()).isEqualTo(worldId);
      }
    }
  }

  @Test
  void developmentEnvironment() {
    try (Universe app = new Universe(Map.of("PERSISTENCE_MODULE", "memory"))) {
      test(app, true);
    }
  }

  @Test
  void compressedAndEncryptedInMemory() {
    try (Universe app = new Universe(compressedAndEncrypted(Map.of("PERSISTENCE_MODULE", "memory")))) {
      test(app, false);
    }
  }

  @Test
  void perSubjectKeysInMemory() {
    try (Universe app = new Universe(perSubjectKeys(Map.of("PERSISTENCE_MODULE", "memory")))) {
      test(app, false);
    }
  }

  @Nested
  class SqliteEnvironment {
    @TempDir Path dir;

    Map<String, String> sqliteFile() {
      return Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve("universe.db").toString());
    }

    Connection rawConnection() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("universe.db"));
    }

    @Test
    void plain() throws SQLException {
      try (Universe app = new Universe(sqliteFile())) {
        test(app, true);
      }
      assertThat(countRowsShowingValues(rawConnection())).isEqualTo(VALUES.size());
    }

    @Test
    void compressedAndEncrypted() throws SQLException {
      try (Universe app = new Universe(ReadmeTest.compressedAndEncrypted(sqliteFile()))) {
        test(app, false);
      }
      assertThat(countRows(rawConnection())).isEqualTo(12);
      assertThat(countRowsShowingValues(rawConnection())).isZero();
    }

    @Test
    void perSubjectKeys() throws SQLException {
      try (Universe app = new Universe(ReadmeTest.perSubjectKeys(sqliteFile()))) {
        test(app, false);
      }
      assertThat(countRows(rawConnection())).isEqualTo(12);
      assertThat(countRowsShowingValues(rawConnection())).isZero();
    }

    @Test
    void inMemoryDatabase() {
      Map<String, String> memory = Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", ":memory:");
      try (Universe app = new Universe(ReadmeTest.compressedAndEncrypted(memory))) {
        test(app, false);
      }
    }
  }

  @Nested
  class PostgresEnvironment {
    /** The test server's settings, with a schema of this test's own. */
    final Map<String, String> server = TestPostgres.newSchema();

    Map<String, String> postgres() {
      Map<String, String> environment = new HashMap<>(server);
      environment.put("PERSISTENCE_MODULE", "postgres");
      return environment;
    }

    @Test
    void plain() throws SQLException {
      try (Universe app = new Universe(postgres())) {
        test(app, true);
      }
      assertThat(countRowsShowingValues(TestPostgres.dataSource(server).getConnection())).isEqualTo(VALUES.size());
    }

    @Test
    void compressedAndEncrypted() throws SQLException {
      try (Universe app = new Universe(ReadmeTest.compressedAndEncrypted(postgres()))) {
        test(app, false);
      }
      assertThat(countRows(TestPostgres.dataSource(server).getConnection())).isEqualTo(12);
      assertThat(countRowsShowingValues(TestPostgres.dataSource(server).getConnection())).isZero();
    }

    @Test
    void perSubjectKeys() throws SQLException {
      try (Universe app = new Universe(ReadmeTest.perSubjectKeys(postgres()))) {
        test(app, false);
      }
      assertThat(countRows(TestPostgres.dataSource(server).getConnection())).isEqualTo(12);
      assertThat(countRowsShowingValues(TestPostgres.dataSource(server).getConnection())).isZero();
    }
  }

  /** How many rows of the raw events table show one of the README's values in their topic or state. */
  static long countRowsShowingValues(Connection connection) throws SQLException {
    return rawRows(connection).stream().filter(row -> VALUES.stream().anyMatch(row::contains)).count();
  }

  static int countRows(Connection connection) throws SQLException {
    return rawRows(connection).size();
  }

  private static List<String> rawRows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (connection;
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT topic, state FROM universe_events")) {
      while (results.next()) {
        rows.add(results.getString(1) + new String(results.getBytes(2), StandardCharsets.ISO_8859_1));
      }
    }
    return rows;
  }

  /** The reference README's test() function. */
  static void test(Universe app, boolean expectVisibleInDb) {
    // Check app has zero event notifications.
    assertThat(app.log().section("1,10").items()).isEmpty();

    // Create a new aggregate.
    UUID worldId = app.createWorld("Earth");

    // Execute application commands.
    app.makeItSo(worldId, "dinosaurs");
    app.makeItSo(worldId, "trucks");

    // Check recorded state of the aggregate.
    assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks");

    // Execute another command.
    app.makeItSo(worldId, "internet");

    // Check recorded state of the aggregate.
    assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks", "internet");

    // Check values are (or aren't visible) in the database.
    List<String> values = List.of("dinosaurs", "trucks", "internet");
    int expectedNumVisible = expectVisibleInDb ? values.size() : 0;

    int actualNumVisible = 0;
    NotificationLogReader reader = new NotificationLogReader(app.log());
    for (Notification notification : reader.read(1).toList()) {
      for (String what : values) {
        if (contains(notification.state(), what)) {
          actualNumVisible += 1;
          break;
        }
      }
    }
    assertThat(actualNumVisible).isEqualTo(expectedNumVisible);

    // Get historical state (at version 3, before 'internet' happened).
    World old = app.repository().get(worldId, 3);
    assertThat(old.history()).hasSize(2);
    assertThat(old.history().get(1)).isEqualTo("trucks"); // last thing to have happened was 'trucks'

    // Check app has four event notifications.
    assertThat(app.log().section("1,10").items()).hasSize(4);

    // Optimistic concurrency control (no branches).
    old.makeItSo("future");
    try {
      app.save(old);
      fail("Shouldn't get here");
    } catch (RecordConflictException expected) {
      // the stale copy was not saved
    }

    // Check app still has only four event notifications.
    assertThat(app.log().section("1,10").items()).hasSize(4);

    // Read event notifications.
    reader = new NotificationLogReader(app.log());
    List<Notification> notifications = reader.read(1).toList();
    assertThat(notifications).hasSize(4);

    // Create eight more aggregate events.
    worldId = app.createWorld("Mars");
    app.makeItSo(worldId, "plants");
    app.makeItSo(worldId, "fish");
    app.makeItSo(worldId, "mammals");

    worldId = app.createWorld("Venus");
    app.makeItSo(worldId, "morning");
    app.makeItSo(worldId, "afternoon");
    app.makeItSo(worldId, "evening");

    // Get the new event notifications from the reader.
    long lastId = notifications.get(notifications.size() - 1).id();
    notifications = reader.read(lastId + 1).toList();
    assertThat(notifications).hasSize(8);

    // Get all the event notifications from the application log.
    notifications = reader.read(1).toList();
    assertThat(notifications).hasSize(12);
  }
}
