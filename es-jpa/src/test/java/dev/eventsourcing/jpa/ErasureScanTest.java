package dev.eventsourcing.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.application.AggregateErasedException;
import dev.eventsourcing.application.BankAccounts;
import dev.eventsourcing.application.Customer;
import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyRecorder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a data subject is forgotten, neither its plaintext nor its data key, wrapped or unwrapped, is left in the
 * raw tables or in the database's files, while another subject's wrapped key still is (so the scan can find what
 * it looks for). Events are stored without compression, so a plaintext leak would show.
 */
class ErasureScanTest {
  private static final List<String> FORGOTTEN_VALUES = List.of("Zebediah Quux", "Unforgettable Lane", "Forgettable Road");

  private final String masterKey = AesCipher.createKey(32);

  /** What the test saved, and the keys of both subjects as they were stored. */
  private record Saved(UUID forgotten, UUID kept, List<UUID> erasedAggregates, byte[] wrapped, byte[] unwrapped,
      byte[] keptWrapped) {}

  private Map<String, String> perSubject(Map<String, String> store) {
    Map<String, String> settings = new HashMap<>(store);
    settings.put("CIPHER_MODE", "per-subject");
    settings.put("CIPHER_KEY", masterKey);
    settings.put("IS_SNAPSHOTTING_ENABLED", "true");
    return settings;
  }

  private Saved saveAndForget(BankAccounts app) {
    UUID forgotten = UUID.randomUUID();
    UUID kept = UUID.randomUUID();
    Customer shop = new Customer(forgotten, "Zebediah Quux", "1 Unforgettable Lane");
    shop.move("2 Forgettable Road");
    Customer club = new Customer(forgotten, "Zebediah Quux", "1 Unforgettable Lane");
    Customer other = new Customer(kept, "Kept Person", "3 Kept Street");
    app.save(shop, club, other);
    app.takeSnapshot(shop.id());
    DataKeyRecorder keys = app.recorder().dataKeys().orElseThrow();
    byte[] wrapped = Objects.requireNonNull(keys.selectDataKey(forgotten)).wrappedKey();
    byte[] keptWrapped = Objects.requireNonNull(keys.selectDataKey(kept)).wrappedKey();

    app.forget(forgotten);

    assertThat(keys.selectDataKey(forgotten)).isEqualTo(DataKey.erased(forgotten));
    for (UUID id : List.of(shop.id(), club.id())) {
      Assertions.assertThatThrownBy(() -> app.repository().get(id)).isInstanceOf(AggregateErasedException.class);
    }
    assertThat(app.repository().get(other.id(), Customer.class).fullName()).isEqualTo("Kept Person");
    return new Saved(forgotten, kept, List.of(shop.id(), club.id()), wrapped, unwrap(forgotten, wrapped), keptWrapped);
  }

  /** The data key in a key record, unwrapped with the master key as the documented format says. */
  private byte[] unwrap(UUID subject, byte[] wrapped) {
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(masterKey), "AES"),
          new GCMParameterSpec(128, wrapped, 0, 12));
      aes.updateAAD(ByteBuffer.allocate(16).putLong(subject.getMostSignificantBits())
          .putLong(subject.getLeastSignificantBits()).array());
      byte[] key = aes.doFinal(wrapped, 12, wrapped.length - 12);
      assertThat(key).hasSize(32);
      return key;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("the key record is not in the documented format", e);
    }
  }

  /** Checks the raw rows of the events, snapshots and keys tables. */
  private static void checkRawTables(Connection connection, Saved saved) throws SQLException {
    List<byte[]> cells = new ArrayList<>();
    try (connection; Statement statement = connection.createStatement()) {
      for (String query : List.of("SELECT topic, state FROM bankaccounts_events",
          "SELECT topic, state FROM bankaccounts_snapshots",
          "SELECT master_key_id, wrapped_key FROM bankaccounts_keys")) {
        try (ResultSet results = statement.executeQuery(query)) {
          while (results.next()) {
            String text = results.getString(1);
            cells.add(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
            byte[] bytes = results.getBytes(2);
            cells.add(bytes == null ? new byte[0] : bytes);
          }
        }
      }
    }
    assertThat(cells).hasSizeGreaterThan(8);
    assertThat(cells).noneMatch(cell -> containsForgotten(cell, saved));
    assertThat(cells).anyMatch(cell -> indexOf(cell, saved.keptWrapped()) >= 0);
  }

  /** Checks every file under {@code dir}, except those {@code skip} names. */
  private static void checkFiles(Path dir, Saved saved, String skip) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(path -> skip.isEmpty() || !dir.relativize(path).toString().startsWith(skip)).toList();
    }
    boolean keptFound = false;
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      assertThat(containsForgotten(bytes, saved)).as("%s holds forgotten data", dir.relativize(file)).isFalse();
      keptFound |= indexOf(bytes, saved.keptWrapped()) >= 0;
    }
    assertThat(keptFound).as("the other subject's wrapped key is found in the files").isTrue();
  }

  private static boolean containsForgotten(byte[] bytes, Saved saved) {
    if (indexOf(bytes, saved.wrapped()) >= 0 || indexOf(bytes, saved.unwrapped()) >= 0) {
      return true;
    }
    return FORGOTTEN_VALUES.stream().anyMatch(value -> indexOf(bytes, value.getBytes(StandardCharsets.UTF_8)) >= 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Nested
  class Sqlite {
    @TempDir Path dir;

    @Test
    void nothingOfAForgottenSubjectIsLeftInTheTablesOrTheFiles() throws Exception {
      Path file = dir.resolve("bank.db");
      Map<String, String> settings = perSubject(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME",
          file.toString()));
      Saved saved;
      try (BankAccounts app = new BankAccounts(settings)) {
        saved = saveAndForget(app);
        checkRawTables(DriverManager.getConnection("jdbc:sqlite:" + file), saved);
        checkFiles(dir, saved, "");
      }
      checkFiles(dir, saved, "");
    }
  }

  @Nested
  class JpaOnSqlite {
    @TempDir Path dir;

    @Test
    void nothingOfAForgottenSubjectIsLeftInTheTablesOrTheFiles() throws Exception {
      Path file = dir.resolve("bank.db");
      Map<String, String> settings = perSubject(Map.of("PERSISTENCE_MODULE", "jpa", "JPA_JDBC_URL",
          "jdbc:sqlite:" + file));
      Saved saved;
      try (BankAccounts app = new BankAccounts(settings)) {
        saved = saveAndForget(app);
        checkRawTables(DriverManager.getConnection("jdbc:sqlite:" + file), saved);
        checkFiles(dir, saved, "");
      }
      checkFiles(dir, saved, "");
    }
  }

  @Nested
  class Postgres {
    @TempDir Path dir;

    @Test
    void nothingOfAForgottenSubjectIsLeftInTheTablesOrTheTableFiles() throws Exception {
      Path data = dir.resolve("data");
      try (EmbeddedPostgres postgres = TestPostgres.embedded().setDataDirectory(data).start()) {
        Map<String, String> server = TestPostgres.settingsOf(postgres);
        Map<String, String> store = new HashMap<>(server);
        store.put("PERSISTENCE_MODULE", "postgres");
        try (BankAccounts app = new BankAccounts(perSubject(store))) {
          Saved saved = saveAndForget(app);
          checkRawTables(TestPostgres.dataSource(server).getConnection(), saved);
          try (Connection connection = TestPostgres.dataSource(server).getConnection();
              Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            statement.execute("VACUUM FULL bankaccounts_keys");
            statement.execute("VACUUM FULL bankaccounts_events");
            statement.execute("VACUUM FULL bankaccounts_snapshots");
            statement.execute("CHECKPOINT");
          }
          // The write-ahead log keeps the old key record until its segments are recycled: see personal-data.md.
          checkFiles(data, saved, "pg_wal");
        }
      }
    }
  }
}
