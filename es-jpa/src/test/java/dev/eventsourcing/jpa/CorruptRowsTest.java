package dev.eventsourcing.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.persistence.CipherException;
import dev.eventsourcing.persistence.DataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored row that does not decode (changed in the table, or encrypted with another key) fails the read with a
 * {@link DataException} or {@link CipherException} naming the originator id and version.
 */
class CorruptRowsTest {
  abstract static class Store {
    abstract Map<String, String> environment();

    abstract Connection connect() throws SQLException;

    /** Overwrites the stored state of the event at a version (the tests store one aggregate). */
    void corrupt(int version, byte[] state) throws SQLException {
      try (Connection connection = connect();
          PreparedStatement update = connection.prepareStatement(
              "UPDATE universe_events SET state = ? WHERE originator_version = ?")) {
        update.setBytes(1, state);
        update.setInt(2, version);
        update.executeUpdate();
      }
    }

    @Test
    void aRowThatIsNotJsonIsADataExceptionNamingTheEvent() throws SQLException {
      try (Universe universe = new Universe(environment())) {
        UUID id = universe.createWorld("Earth");
        universe.makeItSo(id, "dinosaurs");
        corrupt(2, "{not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> universe.getHistory(id))
            .isInstanceOf(DataException.class)
            .hasMessageContaining(id.toString())
            .hasMessageContaining("version 2");
      }
    }

    @Test
    void aRowEncryptedWithAnotherKeyIsACipherExceptionNamingTheEvent() {
      Map<String, String> environment = new HashMap<>(environment());
      environment.put("CIPHER_KEY", AesCipher.createKey(32));
      UUID id;
      try (Universe universe = new Universe(environment)) {
        id = universe.createWorld("Earth");
      }
      environment.put("CIPHER_KEY", AesCipher.createKey(32));
      try (Universe universe = new Universe(environment)) {
        assertThatThrownBy(() -> universe.getHistory(id))
            .isInstanceOf(CipherException.class)
            .hasMessageContaining(id.toString())
            .hasMessageContaining("version 1");
      }
    }
  }

  @Nested
  class OnSqlite extends Store {
    @TempDir Path dir;

    @Override
    Map<String, String> environment() {
      return Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve("universe.db").toString());
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("universe.db"));
    }
  }

  @Nested
  class OnPostgres extends Store {
    private final Map<String, String> settings = TestPostgres.newSchema();

    @Override
    Map<String, String> environment() {
      Map<String, String> environment = new HashMap<>(settings);
      environment.put("PERSISTENCE_MODULE", "postgres");
      return environment;
    }

    @Override
    Connection connect() throws SQLException {
      return TestPostgres.dataSource(settings).getConnection();
    }
  }
}
