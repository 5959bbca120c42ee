package dev.eventsourcing.jpa.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.cipher.AesCipher;
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
 * The reference README's {@code test()} on SQLite and PostgreSQL, plain and with {@code ZlibCompressor} and {@code
 * AesCipher}; the raw tables show the values in plain JSON, and nowhere once encrypted.
 */
class ReadmeTest {
  private static final List<String> VALUES = List.of("Earth", "dinosaurs", "trucks", "internet");

  static Map<String, String> compressedAndEncrypted(Map<String, String> store) {
    Map<String, String> environment = new HashMap<>(store);
    environment.put("CIPHER_KEY", AesCipher.createKey(32));
    environment.put("CIPHER_TOPIC", "dev.eventsourcing.cipher:AesCipher");
    environment.put("COMPRESSOR_TOPIC", "dev.eventsourcing.compressor:ZlibCompressor");
    return environment;
  }

  @Nested
  class OnSqlite {
    @TempDir Path dir;

    Map<String, String> sqlite() {
      return Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve("universe.db").toString());
    }

    @Test
    void plain() throws SQLException {
      try (Universe app = new Universe(sqlite())) {
        test(app, true);
      }
      assertThat(countRowsShowing(sqliteConnection())).isEqualTo(VALUES.size());
    }

    @Test
    void compressedAndEncryptedNothingPlainIsStored() throws SQLException {
      try (Universe app = new Universe(compressedAndEncrypted(sqlite()))) {
        test(app, false);
      }
      assertThat(countRows(sqliteConnection())).isEqualTo(12);
      assertThat(countRowsShowing(sqliteConnection())).isZero();
    }

    @Test
    void inMemory() {
      try (Universe app = new Universe(compressedAndEncrypted(
          Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", ":memory:")))) {
        test(app, false);
      }
    }

    private Connection sqliteConnection() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("universe.db"));
    }
  }

  @Nested
  class OnPostgres {
    @Test
    void plain() throws SQLException {
      Map<String, String> settings = TestPostgres.newSchema();
      Map<String, String> environment = new HashMap<>(settings);
      environment.put("PERSISTENCE_MODULE", "postgres");
      try (Universe app = new Universe(environment)) {
        test(app, true);
      }
      assertThat(countRowsShowing(TestPostgres.dataSource(settings).getConnection())).isEqualTo(VALUES.size());
    }

    @Test
    void compressedAndEncryptedNothingPlainIsStored() throws SQLException {
      Map<String, String> settings = TestPostgres.newSchema();
      Map<String, String> environment = new HashMap<>(compressedAndEncrypted(settings));
      environment.put("PERSISTENCE_MODULE", "postgres");
      try (Universe app = new Universe(environment)) {
        test(app, false);
      }
      assertThat(countRows(TestPostgres.dataSource(settings).getConnection())).isEqualTo(12);
      assertThat(countRowsShowing(TestPostgres.dataSource(settings).getConnection())).isZero();
    }
  }

  /** How many stored rows of the events table show one of the values in their raw state or topic. */
  static int countRowsShowing(Connection connection) throws SQLException {
    int showing = 0;
    for (String row : rawRows(connection)) {
      if (VALUES.stream().anyMatch(row::contains)) {
        showing++;
      }
    }
    return showing;
  }

  static int countRows(Connection connection) throws SQLException {
    return rawRows(connection).size();
  }

  private static List<String> rawRows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (connection; Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT topic, state FROM universe_events")) {
      while (results.next()) {
        rows.add(results.getString(1) + new String(results.getBytes(2), StandardCharsets.ISO_8859_1));
      }
    }
    return rows;
  }

  static boolean contains(byte[] state, String text) {
    return new String(state, StandardCharsets.ISO_8859_1).contains(text);
  }

  /** The reference README's test() function, as in es-examples' ReadmeTest. */
  static void test(Universe app, boolean expectVisibleInDb) {
    assertThat(app.log().section("1,10").items()).isEmpty();

    UUID worldId = app.createWorld("Earth");
    app.makeItSo(worldId, "dinosaurs");
    app.makeItSo(worldId, "trucks");
    assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks");

    app.makeItSo(worldId, "internet");
    assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks", "internet");

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

    World old = app.repository().get(worldId, 3);
    assertThat(old.history()).hasSize(2);
    assertThat(old.history().get(1)).isEqualTo("trucks");

    assertThat(app.log().section("1,10").items()).hasSize(4);

    old.makeItSo("future");
    assertThatThrownBy(() -> app.save(old)).isInstanceOf(RecordConflictException.class);

    assertThat(app.log().section("1,10").items()).hasSize(4);

    reader = new NotificationLogReader(app.log());
    List<Notification> notifications = reader.read(1).toList();
    assertThat(notifications).hasSize(4);

    worldId = app.createWorld("Mars");
    app.makeItSo(worldId, "plants");
    app.makeItSo(worldId, "fish");
    app.makeItSo(worldId, "mammals");

    worldId = app.createWorld("Venus");
    app.makeItSo(worldId, "morning");
    app.makeItSo(worldId, "afternoon");
    app.makeItSo(worldId, "evening");

    long lastId = notifications.get(notifications.size() - 1).id();
    notifications = reader.read(lastId + 1).toList();
    assertThat(notifications).hasSize(8);

    notifications = reader.read(1).toList();
    assertThat(notifications).hasSize(12);
  }
}
