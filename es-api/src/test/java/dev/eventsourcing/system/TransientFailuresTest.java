package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.OperationalException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A follower whose processing fails transiently (its policy's reads throw {@link OperationalException}, as while
 * the database restarts) keeps running in both runners, and processes every notification once when it works
 * again.
 */
class TransientFailuresTest {
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Reserves orders, after failing transiently as often as {@link #FAILURES_LEFT} says. */
  public static class FlakyReservations extends ProcessApplication {
    public FlakyReservations() {}

    @Override
    protected Set<String> upstreamTopics() {
      return Set.of(Topics.of(Order.Created.class));
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
      if (FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new OperationalException("application FlakyReservations: the server is restarting");
      }
      processing.collectEvents(new Reservation(event.originatorId(), processing.tracking().notificationId()));
    }

    @Override
    protected DecodableTypes types() {
      return DecodableTypes.of(Reservation.class);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFollowerRetriesTransientFailuresAndProcessesEachNotificationOnce(boolean multiThreaded) {
    EventSystem system = new EventSystem(List.of(List.of(Orders.class, FlakyReservations.class)));
    Map<String, String> settings = Map.of("PERSISTENCE_MODULE", "memory",
        "PROCESSING_RETRY_DELAY_MILLIS", "1", "PROCESSING_MAX_RETRY_DELAY_MILLIS", "4");
    Runner runner = multiThreaded
        ? new MultiThreadedRunner(system, settings, Duration.ofMillis(50))
        : new SingleThreadedRunner(system, settings);
    runner.start();
    try {
      Orders orders = runner.get(Orders.class);
      FlakyReservations reservations = runner.get(FlakyReservations.class);
      orders.createOrder("first");
      await().atMost(Duration.ofMinutes(1)).until(() -> tracked(reservations) == 1);

      FAILURES_LEFT.set(25);
      for (int i = 0; i < 10; i++) {
        orders.createOrder("during the outage " + i);
      }
      await().atMost(Duration.ofMinutes(1)).until(() -> tracked(reservations) == 11);
      assertThat(FAILURES_LEFT.get()).isZero();
      assertThat(runner.failures()).isEmpty();

      List<Long> upstream = reservations.recorder().selectNotifications(1, 100).stream()
          .map(n -> ((Reservation.Created) reservations.mapper().toDomainEvent(n).payload()).upstreamNotificationId())
          .toList();
      assertThat(upstream).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    } finally {
      FAILURES_LEFT.set(0);
      runner.stop();
    }
  }

  private static long tracked(ProcessApplication follower) {
    Long tracked = follower.recorder().maxTrackingId("Orders");
    return tracked == null ? 0 : tracked;
  }
}
