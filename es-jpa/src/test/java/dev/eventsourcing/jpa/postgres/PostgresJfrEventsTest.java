package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The JFR events of a system on PostgreSQL, whose leases are held by a connection: saves and batches with their
 * notification ids, and a lease taken, lost when its connection is terminated, and taken again.
 */
class PostgresJfrEventsTest {
  @Test
  void savesBatchesAndALeaseTakenLostAndTakenAgainAreRecorded() throws Exception {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    environment.put("PERSISTENCE_MODULE", "postgres");
    // A batch per order, so that each is a Batch event of its own.
    environment.put("RESERVATIONS_PROCESSING_BATCH_SIZE", "1");
    List<RecordedEvent> recorded = new CopyOnWriteArrayList<>();
    try (RecordingStream recording = new RecordingStream()) {
      List.of("dev.eventsourcing.Save", "dev.eventsourcing.Batch", "dev.eventsourcing.LeaseTaken",
          "dev.eventsourcing.LeaseLost").forEach(recording::enable);
      recording.setReuse(false); // the events are kept
      recording.onEvent(recorded::add);
      recording.startAsync();
      EventSystem system = new EventSystem(List.of(List.of(Orders.class, Reservations.class)));
      try (Runner runner = new MultiThreadedRunner(system, environment, Duration.ofMillis(50))) {
        runner.start();
        runner.get(Orders.class).createOrders(List.of("a", "b"));
        await().atMost(Duration.ofMinutes(1)).until(() -> named(recorded, "dev.eventsourcing.Batch").size() == 2
            && named(recorded, "dev.eventsourcing.LeaseTaken").size() == 1);

        long key = PostgresSession.leaseKey(environment.get("POSTGRES_SCHEMA") + ".reservations_tracking");
        assertThat(terminateHolderOf(environment, key)).as("the lease's connection terminated").isTrue();
        await().atMost(Duration.ofMinutes(1)).until(() -> named(recorded, "dev.eventsourcing.LeaseLost").size() == 1
            && named(recorded, "dev.eventsourcing.LeaseTaken").size() == 2);
      }
    }

    List<RecordedEvent> saves = named(recorded, "dev.eventsourcing.Save");
    assertThat(saves).extracting(save -> save.getString("application"), save -> save.getInt("events"),
            save -> save.getLong("firstNotificationId"), save -> save.getLong("lastNotificationId"),
            save -> save.getString("upstream"), save -> save.getLong("trackedNotificationId"))
        .containsExactly(
            tuple("Orders", 2, 1L, 2L, null, 0L),
            tuple("Reservations", 1, 1L, 1L, "Orders", 1L),
            tuple("Reservations", 1, 2L, 2L, "Orders", 2L));
    assertThat(named(recorded, "dev.eventsourcing.Batch"))
        .extracting(batch -> batch.getString("follower"), batch -> batch.getLong("lastNotificationId"))
        .containsExactly(tuple("Reservations", 1L),
            tuple("Reservations", 2L));
    List<RecordedEvent> taken = named(recorded, "dev.eventsourcing.LeaseTaken");
    assertThat(taken).extracting(event -> event.getString("follower")).containsOnly("Reservations");
    assertThat(taken).extracting(event -> event.getBoolean("again")).containsExactly(false, true);
    RecordedEvent lost = named(recorded, "dev.eventsourcing.LeaseLost").get(0);
    assertThat(lost.getString("follower")).isEqualTo("Reservations");
    assertThat(lost.getEndTime()).isAfter(taken.get(0).getEndTime()).isBefore(taken.get(1).getEndTime());
  }

  private static List<RecordedEvent> named(List<RecordedEvent> recorded, String name) {
    return recorded.stream().filter(event -> event.getEventType().getName().equals(name))
        .sorted(Comparator.comparing(RecordedEvent::getEndTime)).toList();
  }

  /** Terminates the server process holding the lock of {@code key}; returns whether one held it. */
  private static boolean terminateHolderOf(Map<String, String> environment, long key) throws Exception {
    try (Connection connection = TestPostgres.dataSource(environment).getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
            + " WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            + " AND classid::text::bigint = ? AND objid::text::bigint = ?")) {
      statement.setLong(1, key >>> 32);
      statement.setLong(2, key & 0xffffffffL);
      try (ResultSet results = statement.executeQuery()) {
        return results.next() && results.getBoolean(1);
      }
    }
  }
}
