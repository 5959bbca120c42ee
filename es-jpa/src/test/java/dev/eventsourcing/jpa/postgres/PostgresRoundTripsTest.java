package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How many round trips to the server a save takes: the table's lock, the notification ids and the insert travel
 * together, and the commit follows.
 */
class PostgresRoundTripsTest {
  private final Map<String, String> settings = TestPostgres.newSchema();

  private static List<StoredEvent> events(UUID id, int from, int count) {
    List<StoredEvent> events = new ArrayList<>();
    for (int version = from; version < from + count; version++) {
      events.add(new StoredEvent(id, version, "topic", new byte[] {(byte) version}));
    }
    return events;
  }

  @Test
  void aSaveIsTwoRoundTripsWhateverItsSize() throws SQLException {
    try (RoundTrips server = new RoundTrips(TestPostgres.dataSource(settings));
        PostgresInfrastructureFactory factory =
            new PostgresInfrastructureFactory(new Environment("Trips", settings), server)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      server.take();

      assertThat(recorder.insertEvents(events(id, 1, 1))).containsExactly(1L);
      assertThat(server.take()).as("round trips of a save of one event").isEqualTo(2);

      assertThat(recorder.insertEvents(events(id, 2, 100))).hasSize(100).startsWith(2L).endsWith(101L);
      assertThat(server.take()).as("round trips of a save of 100 events").isEqualTo(2);

      assertThat(recorder.selectEvents(id)).containsExactlyElementsOf(events(id, 1, 101));
      assertThat(recorder.selectNotifications(1, 1000)).hasSize(101);
    }
  }

  @Test
  void aProcessApplicationsSaveWithItsTrackingIsFiveRoundTrips() throws SQLException {
    try (RoundTrips server = new RoundTrips(TestPostgres.dataSource(settings));
        PostgresInfrastructureFactory factory =
            new PostgresInfrastructureFactory(new Environment("Trips", settings), server)) {
      ProcessRecorder recorder = factory.processRecorder();
      UUID id = UUID.randomUUID();
      server.take();

      assertThat(recorder.insertEvents(events(id, 1, 3), new Tracking("Upstream", 7))).containsExactly(1L, 2L, 3L);
      assertThat(server.take()).as("lock, tracking check, events, tracking record, commit").isEqualTo(5);
      assertThat(recorder.maxTrackingId("Upstream")).isEqualTo(7L);
    }
  }

  @Test
  void aConflictIsTwoRoundTripsAndKeepsNothing() throws SQLException {
    try (RoundTrips server = new RoundTrips(TestPostgres.dataSource(settings));
        PostgresInfrastructureFactory factory =
            new PostgresInfrastructureFactory(new Environment("Trips", settings), server)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      recorder.insertEvents(events(id, 1, 1));
      server.take();

      assertThatThrownBy(() -> recorder.insertEvents(events(id, 1, 3)))
          .isInstanceOf(RecordConflictException.class);
      assertThat(server.take()).as("the failed insert, then the rollback").isEqualTo(2);

      assertThat(recorder.insertEvents(events(id, 2, 1))).containsExactly(2L);
      assertThat(recorder.maxNotificationId()).isEqualTo(2L);
    }
  }
}
