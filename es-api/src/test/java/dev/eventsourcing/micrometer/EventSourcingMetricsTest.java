package dev.eventsourcing.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Order;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import dev.eventsourcing.system.ProcessingException;
import dev.eventsourcing.system.Reservation;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each meter's values after a known workload on the memory store. */
class EventSourcingMetricsTest {
  /**
   * Reserves new orders in batches of 3; its store fails to record as often as {@link #failuresLeft} says, as a
   * database that restarts does.
   */
  public static class Stock extends ProcessApplication {
    final AtomicInteger failuresLeft = new AtomicInteger();

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
      processing.collectEvents(new Reservation(event.originatorId(), processing.tracking().notificationId()));
    }

    @Override
    protected DecodableTypes types() {
      return DecodableTypes.of(Reservation.class);
    }

    @Override
    protected ProcessRecorder constructRecorder(InfrastructureFactory factory) {
      ProcessRecorder store = factory.processRecorder();
      return (ProcessRecorder) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ProcessRecorder.class}, (proxy, method, args) -> {
            if (method.getName().equals("insertEvents")
                && failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
              throw new OperationalException("application Stock: the database is restarting");
            }
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }

  private final MeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void savesConflictsProcessingRetriesErrorsAndLagAreMeasured() {
    try (Orders orders = new Orders(Map.of("PERSISTENCE_MODULE", "memory"));
        Stock stock = new Stock();
        Reservations failing = new Reservations(Map.of("PERSISTENCE_MODULE", "memory", "FAIL_ON_ITEM", "b",
            "PROCESSING_BATCH_SIZE", "1"))) {
      stock.follow(orders);
      failing.follow(orders);
      new EventSourcingMetrics(List.of(orders, stock, failing)).bindTo(registry);

      List<UUID> ids = orders.createOrders(List.of("a", "b", "c"));
      assertThat(lag("Stock")).isEqualTo(3);
      stock.failuresLeft.set(2);
      assertThat(stock.pullAndProcess("Orders")).isEqualTo(3);
      assertThat(lag("Stock")).isZero();

      Order first = orders.get(ids.get(0));
      Order stale = orders.get(ids.get(0));
      first.reserve(UUID.randomUUID());
      orders.save(first);
      stale.reserve(UUID.randomUUID());
      assertThatThrownBy(() -> orders.save(stale)).isInstanceOf(RecordConflictException.class);
      // Notification 4 is of a topic Stock does not read: its lag is 1 until it has read past it.
      assertThat(lag("Stock")).isEqualTo(1);
      assertThat(stock.pullAndProcess("Orders")).isZero();
      assertThat(lag("Stock")).isZero();

      assertThatThrownBy(() -> failing.pullAndProcess("Orders")).isInstanceOf(ProcessingException.class)
          .hasMessageContaining("notification 2 of Orders");
      assertThat(lag("Reservations")).as("processed 1 of 4").isEqualTo(3);
    }

    assertThat(registry.get("eventsourcing.saves").tag("application", "Orders").timer().count()).isEqualTo(2);
    assertThat(registry.get("eventsourcing.saves").tag("application", "Orders").timer().totalTime(
        java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(registry.get("eventsourcing.save.events").tag("application", "Orders").summary().totalAmount())
        .isEqualTo(4);
    assertThat(registry.get("eventsourcing.save.events").tag("application", "Orders").summary().max())
        .isEqualTo(3);
    assertThat(registry.get("eventsourcing.conflicts").tag("application", "Orders").counter().count()).isEqualTo(1);
    // Stock's one save of its batch of 3, after the store failed twice; Reservations saved notification 1's.
    assertThat(registry.get("eventsourcing.saves").tag("application", "Stock").timer().count()).isEqualTo(1);
    assertThat(registry.get("eventsourcing.save.events").tag("application", "Stock").summary().totalAmount())
        .isEqualTo(3);
    assertThat(registry.get("eventsourcing.conflicts").tag("application", "Stock").counter().count()).isZero();
    assertThat(registry.get("eventsourcing.saves").tag("application", "Reservations").timer().count())
        .isEqualTo(1);

    assertThat(follower("eventsourcing.notifications.read", "Stock").tag("application", "Orders").counter()
        .count()).isEqualTo(3);
    assertThat(follower("eventsourcing.follower.processed", "Stock").counter().count()).isEqualTo(3);
    assertThat(follower("eventsourcing.follower.batches", "Stock").timer().count()).isEqualTo(1);
    assertThat(follower("eventsourcing.follower.retries", "Stock").counter().count()).isEqualTo(2);
    assertThat(registry.find("eventsourcing.follower.errors").tag("follower", "Stock").counter()).isNull();

    // Reservations processes one notification at a time (batches of 1): the first, then its policy fails on the second.
    assertThat(follower("eventsourcing.notifications.read", "Reservations").counter().count()).isEqualTo(3);
    assertThat(follower("eventsourcing.follower.processed", "Reservations").counter().count()).isEqualTo(1);
    assertThat(follower("eventsourcing.follower.retries", "Reservations").counter().count()).isZero();
    assertThat(follower("eventsourcing.follower.errors", "Reservations").tag("upstream", "Orders")
        .tag("exception", "IllegalStateException").counter().count()).isEqualTo(1);

    assertThat(registry.find("eventsourcing.follower.lease").gauges()).isEmpty();
  }

  @Test
  void aWorkerHoldingItsLeaseIsAGaugeOf1AndTheLagGoesToZero() {
    EventSystem system = new EventSystem(List.of(List.of(Orders.class, Reservations.class)));
    try (Runner runner = new MultiThreadedRunner(system, Map.of("PERSISTENCE_MODULE", "memory"))) {
      runner.start();
      new EventSourcingMetrics(runner).bindTo(registry);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> registry.find("eventsourcing.follower.lease").tag("follower", "Reservations").gauge() != null);
      runner.get(Orders.class).createOrders(List.of("a", "b"));
      await().atMost(Duration.ofSeconds(30)).until(() -> lag("Reservations") == 0
          && follower("eventsourcing.follower.processed", "Reservations").counter().count() == 2);
      assertThat(registry.get("eventsourcing.follower.lease").tag("follower", "Reservations").gauge().value())
          .isEqualTo(1);
      assertThat(registry.get("eventsourcing.saves").tag("application", "Orders").timer().count()).isEqualTo(1);
    }
    assertThat(registry.get("eventsourcing.follower.lease").tag("follower", "Reservations").gauge().value())
        .isZero();
  }

  private io.micrometer.core.instrument.search.RequiredSearch follower(String name, String follower) {
    return registry.get(name).tag("follower", follower);
  }

  private double lag(String follower) {
    return registry.get("eventsourcing.follower.lag").tag("follower", follower).tag("upstream", "Orders").gauge()
        .value();
  }
}
