package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Order;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Reservation;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two runners of one system on one PostgreSQL, each with its own stores, as two nodes: while the reservations are
 * processed, the connection that holds their lease is terminated again and again, so the lease moves between the
 * runners while the one that lost it may still be committing its batch. The tracking records keep every
 * notification processed once.
 */
class PostgresLostLeaseTest {
  private static final EventSystem SYSTEM = new EventSystem(List.of(List.of(Orders.class, Reservations.class)));

  @Test
  void aLeaseLostWhileProcessingNeverHasANotificationProcessedTwice() throws Exception {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    environment.put("PERSISTENCE_MODULE", "postgres");
    environment.put("POSTGRES_POOL_SIZE", "3");
    environment.put("RESERVATIONS_PROCESSING_BATCH_SIZE", "20");
    long last;
    try (Orders orders = construct(Orders.class, environment)) {
      for (int batch = 0; batch < 10; batch++) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          items.add("item " + batch + " " + i);
        }
        orders.createOrders(items);
      }
      last = orders.recorder().maxNotificationId();
    }
    long key = PostgresSession.leaseKey(environment.get("POSTGRES_SCHEMA") + ".reservations_tracking");

    int terminated = 0;
    try (Runner first = new MultiThreadedRunner(SYSTEM, environment, Duration.ofMillis(50));
        Runner second = new MultiThreadedRunner(SYSTEM, environment, Duration.ofMillis(50));
        Reservations reservations = construct(Reservations.class, environment)) {
      first.start();
      second.start();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (tracked(reservations) < last) {
        assertThat(System.nanoTime()).as("processed by now").isLessThan(deadline);
        // Often enough that the lease is lost several times however fast this machine processes the batches.
        Thread.sleep(20);
        if (terminateHolderOf(environment, key)) {
          terminated++;
        }
      }
      assertThat(first.failures()).isEmpty();
      assertThat(second.failures()).isEmpty();
    }
    assertThat(terminated).as("leases lost while processing").isGreaterThan(2);

    try (Orders orders = construct(Orders.class, environment);
        Reservations reservations = construct(Reservations.class, environment)) {
      List<Long> reservedFrom = all(reservations, Reservation.Created.class).stream()
          .map(n -> ((Reservation.Created) reservations.mapper().toDomainEvent(n).payload()).upstreamNotificationId())
          .toList();
      assertThat(reservedFrom).as("the upstream notification of each reservation, in order")
          .containsExactlyElementsOf(all(orders, Order.Created.class).stream().map(Notification::id).toList());
    }
  }

  /** Terminates the server process holding the lock of {@code key}; returns whether one held it. */
  private static boolean terminateHolderOf(Map<String, String> environment, long key) throws SQLException {
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

  private static List<Notification> all(Application application, Class<?> payloadType) {
    List<Notification> all = new ArrayList<>();
    List<Notification> page;
    do {
      long start = all.isEmpty() ? 1 : all.get(all.size() - 1).id() + 1;
      page = application.recorder().selectNotifications(start, 1000, null, Set.of(Topics.of(payloadType)));
      all.addAll(page);
    } while (!page.isEmpty());
    return all;
  }

  private static long tracked(Reservations reservations) {
    Long tracked = reservations.recorder().maxTrackingId("Orders");
    return tracked == null ? 0 : tracked;
  }

  private static <A extends Application> A construct(Class<A> type, Map<String, String> environment) {
    return Application.builder(type).environment(environment).build();
  }
}
