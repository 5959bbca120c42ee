package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JFR events of a known workload on the memory store, as a recording of them receives them. */
class JfrEventsTest {
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
  private static final List<String> NAMES = List.of("dev.eventsourcing.Save", "dev.eventsourcing.Conflict",
      "dev.eventsourcing.Batch", "dev.eventsourcing.Retry", "dev.eventsourcing.LeaseTaken",
      "dev.eventsourcing.LeaseLost");

  /** Reserves orders in batches of 3, after failing transiently as often as {@link #FAILURES_LEFT} says. */
  public static class Stock extends ProcessApplication {
    public Stock() {
      super(Map.of("PERSISTENCE_MODULE", "memory", "PROCESSING_BATCH_SIZE", "3",
          "PROCESSING_RETRY_DELAY_MILLIS", "1", "PROCESSING_MAX_RETRY_DELAY_MILLIS", "4"));
    }

    @Override
    protected Set<String> upstreamTopics() {
      return Set.of(Topics.of(Order.Created.class));
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
      if (FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new OperationalException("the server is restarting");
      }
      processing.collectEvents(new Reservation(event.originatorId(), processing.tracking().notificationId()));
    }

    @Override
    protected DecodableTypes types() {
      return DecodableTypes.of(Reservation.class);
    }
  }

  private final List<RecordedEvent> recorded = new CopyOnWriteArrayList<>();
  private RecordingStream recording;

  @BeforeEach
  void record() {
    recording = new RecordingStream();
    NAMES.forEach(name -> recording.enable(name));
    recording.setReuse(false); // the events are kept
    recording.onEvent(recorded::add);
    recording.startAsync();
  }

  @AfterEach
  void stopRecording() {
    recording.close();
    FAILURES_LEFT.set(0);
  }

  @Test
  void savesConflictsBatchesAndRetriesAreRecordedWithTheirApplicationsCountsAndIds() {
    try (Orders orders = new Orders(Map.of("PERSISTENCE_MODULE", "memory"));
        Stock stock = new Stock()) {
      stock.follow(orders);
      List<UUID> ids = orders.createOrders(List.of("a", "b", "c"));
      FAILURES_LEFT.set(2);
      assertThat(stock.pullAndProcess("Orders")).isEqualTo(3);

      Order first = orders.get(ids.get(0));
      Order stale = orders.get(ids.get(0));
      first.reserve(UUID.randomUUID());
      orders.save(first);
      stale.reserve(UUID.randomUUID());
      assertThatThrownBy(() -> orders.save(stale)).isInstanceOf(RecordConflictException.class);

      await().atMost(Duration.ofSeconds(30)).until(() -> named("dev.eventsourcing.Conflict").size() == 1
          && named("dev.eventsourcing.Save").size() == 3);
    }

    List<RecordedEvent> saves = named("dev.eventsourcing.Save");
    assertSave(saves.get(0), "Orders", 3, 1, 3, null, 0);
    assertSave(saves.get(1), "Stock", 3, 1, 3, "Orders", 3);
    assertSave(saves.get(2), "Orders", 1, 4, 4, null, 0);

    RecordedEvent conflict = named("dev.eventsourcing.Conflict").get(0);
    assertThat(conflict.getString("application")).isEqualTo("Orders");
    assertThat(conflict.getInt("events")).isEqualTo(1);
    assertThat(conflict.getString("upstream")).isNull();
    assertThat(conflict.getLong("trackedNotificationId")).isZero();
    assertThat(conflict.getString("message")).isNotBlank();

    List<RecordedEvent> batches = named("dev.eventsourcing.Batch");
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).getString("follower")).isEqualTo("Stock");
    assertThat(batches.get(0).getString("upstream")).isEqualTo("Orders");
    assertThat(batches.get(0).getInt("notifications")).isEqualTo(3);
    assertThat(batches.get(0).getLong("firstNotificationId")).isEqualTo(1);
    assertThat(batches.get(0).getLong("lastNotificationId")).isEqualTo(3);

    List<RecordedEvent> retries = named("dev.eventsourcing.Retry");
    assertThat(retries).extracting(retry -> retry.getInt("attempt")).containsExactly(1, 2);
    assertThat(retries).extracting(retry -> retry.getLong("delay")).containsExactly(1L, 2L);
    assertThat(retries).allSatisfy(retry -> {
      assertThat(retry.getString("follower")).isEqualTo("Stock");
      assertThat(retry.getString("upstream")).isEqualTo("Orders");
      assertThat(retry.getString("step")).isEqualTo("recording the processing of notification 3 of Orders");
      assertThat(retry.getString("failure")).contains("the server is restarting");
      assertThat(retry.getDuration()).isPositive();
    });
  }

  @Test
  void aWorkerTakingItsLeaseIsRecorded() {
    EventSystem system = new EventSystem(List.of(List.of(Orders.class, Reservations.class)));
    try (Runner runner = new MultiThreadedRunner(system, Map.of("PERSISTENCE_MODULE", "memory"))) {
      runner.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> named("dev.eventsourcing.LeaseTaken").size() == 1);
    }
    RecordedEvent taken = named("dev.eventsourcing.LeaseTaken").get(0);
    assertThat(taken.getString("follower")).isEqualTo("Reservations");
    assertThat(taken.getBoolean("again")).isFalse();
    assertThat(taken.getThread().getJavaName()).isEqualTo("eventsourcing-Reservations");
    assertThat(named("dev.eventsourcing.LeaseLost")).isEmpty();
  }

  private List<RecordedEvent> named(String name) {
    return recorded.stream().filter(event -> event.getEventType().getName().equals(name))
        .sorted(Comparator.comparing(RecordedEvent::getEndTime)).toList();
  }

  private static void assertSave(RecordedEvent save, String application, int events, long first, long last,
      String upstream, long tracked) {
    assertThat(save.getString("application")).isEqualTo(application);
    assertThat(save.getInt("events")).isEqualTo(events);
    assertThat(save.getLong("firstNotificationId")).isEqualTo(first);
    assertThat(save.getLong("lastNotificationId")).isEqualTo(last);
    assertThat(save.getString("upstream")).isEqualTo(upstream);
    assertThat(save.getLong("trackedNotificationId")).isEqualTo(tracked);
    assertThat(save.getDuration()).isPositive();
  }
}
