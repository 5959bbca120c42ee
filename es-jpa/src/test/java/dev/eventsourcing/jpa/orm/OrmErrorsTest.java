package dev.eventsourcing.jpa.orm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the jpa store's failures become: the persistence exceptions, naming the application, never a secret. */
class OrmErrorsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hibernate", "eclipselink"})
  void aConflictInABatchOnPostgresShowsNeitherTheStateNorItsBytes(String provider) {
    byte[] secret = "top secret payload".getBytes(UTF_8);
    UUID id = UUID.randomUUID();
    Map<String, String> settings = new HashMap<>(OrmDatabases.jpaOnPostgres());
    settings.put("JPA_PROVIDER", provider);
    try (InfrastructureFactory factory = factory(settings)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      recorder.insertEvents(List.of(new StoredEvent(id, 1, "topic", secret)));

      assertThatThrownBy(() -> recorder.insertEvents(List.of(
              new StoredEvent(UUID.randomUUID(), 1, "topic", secret), new StoredEvent(id, 1, "topic", secret))))
          .isInstanceOf(RecordConflictException.class)
          .hasMessageContaining("application Errors")
          .hasMessageNotContaining("top secret")
          .hasMessageNotContaining(HexFormat.of().formatHex(secret));
      assertThat(recorder.maxNotificationId()).isEqualTo(1L);
    }
  }

  @Test
  void anUnreachableServerIsTransientAndItsPasswordIsNotShown() {
    Map<String, String> settings = Map.of("PERSISTENCE_MODULE", "jpa",
        "JPA_JDBC_URL", "jdbc:postgresql://localhost:1/orders?connectTimeout=1",
        "JPA_JDBC_USER", "orders", "JPA_JDBC_PASSWORD", "hunter2");

    assertThatThrownBy(() -> factory(settings).close())
        .isInstanceOf(OperationalException.class)
        .hasMessageContaining("application Errors")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void tablesThatAreNotThereAreAProgrammingError() {
    Map<String, String> settings = new HashMap<>(OrmDatabases.jpaOnSqlite(dir.resolve("empty.db")));
    settings.put("CREATE_TABLE", "false");
    try (InfrastructureFactory factory = factory(settings)) {
      ApplicationRecorder recorder = factory.applicationRecorder();

      assertThatThrownBy(() -> recorder.insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, "t", new byte[1]))))
          .isInstanceOf(ProgrammingException.class)
          .hasMessageContaining("application Errors")
          .hasMessageContaining("errors_events");
    }
  }

  private static InfrastructureFactory factory(Map<String, String> settings) {
    return InfrastructureFactory.construct(new Environment("Errors", settings));
  }
}
