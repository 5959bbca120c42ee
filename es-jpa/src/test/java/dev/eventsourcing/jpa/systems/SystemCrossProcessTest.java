package dev.eventsourcing.jpa.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.Order;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Reservation;
import dev.eventsourcing.system.Reservations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across JVMs: a follower's JVM killed while it processes, then restarted; and two JVMs running the
 * same follower on one database at once. Downstream events record the upstream notification they came from, and
 * must match the upstream log one for one.
 */
class SystemCrossProcessTest {
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void aFollowerKilledWhileProcessingOnPostgresResumesAndProcessesEveryEventOnce() throws Exception {
    killedAndRestarted(postgres(), 2_000);
  }

  @Test
  void aFollowerKilledWhileProcessingOnASqliteFileResumesAndProcessesEveryEventOnce() throws Exception {
    killedAndRestarted(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve("system.db").toString()),
        2_000);
  }

  /**
   * The second JVM takes no lease, so both believe they run the follower, as a JVM does that lost its lease while it
   * processed: the tracking records alone must keep the processing exactly once.
   */
  @Test
  void twoJvmsRunningOneFollowerOnPostgresNeverProcessANotificationTwice() throws Exception {
    Map<String, String> environment = postgres();
    long last = createOrders(environment, 1_500);
    Map<String, String> bypassing = new HashMap<>(environment);
    bypassing.put("POSTGRES_FOLLOWER_LEASE", "false");

    Process first = start(environment, last, "first");
    Process second = start(bypassing, last, "second");
    String firstOutput = awaitDone(first, "first");
    String secondOutput = awaitDone(second, "second");

    assertProcessedOnce(environment);
    // The JVMs overlapped: one of them found a notification processed by the other, and went on without a fuss.
    assertThat(count(firstOutput, "processed by another process") + count(secondOutput, "processed by another process"))
        .isPositive();
    assertThat(warnings(firstOutput)).isEmpty();
    assertThat(warnings(secondOutput)).isEmpty();
  }

  private void killedAndRestarted(Map<String, String> environment, int orders) throws Exception {
    long last = createOrders(environment, orders);

    Process killed = start(environment, last, "killed");
    try (Reservations reservations = construct(Reservations.class, environment)) {
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> tracked(reservations) > 0);
      killed.destroyForcibly();
      assertThat(killed.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(tracked(reservations)).as("killed while processing").isLessThan(last);
    }

    awaitDone(start(environment, last, "restarted"), "restarted");
    assertProcessedOnce(environment);
  }

  private static Map<String, String> postgres() {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    environment.put("PERSISTENCE_MODULE", "postgres");
    environment.put("POSTGRES_POOL_SIZE", "4");
    return environment;
  }

  /** Creates the orders; returns the id of the last one's notification. */
  private static long createOrders(Map<String, String> environment, int count) {
    try (Orders orders = construct(Orders.class, environment)) {
      for (int created = 0; created < count; created += 500) {
        List<String> items = new ArrayList<>();
        for (int i = created; i < Math.min(count, created + 500); i++) {
          items.add("item " + i);
        }
        orders.createOrders(items);
      }
      return orders.recorder().maxNotificationId();
    }
  }

  private Process start(Map<String, String> environment, long until, String label) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        FollowerProcess.class.getName(), String.valueOf(until))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(label + ".txt").toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private String awaitDone(Process process, String label) throws Exception {
    boolean finished = process.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(dir.resolve(label + ".txt"));
    assertThat(finished && process.exitValue() == 0).as("the %s JVM failed:%n%s", label, output).isTrue();
    assertThat(output).contains("DONE");
    return output;
  }

  /** Each order created is reserved once, in the order of the upstream log. */
  private static void assertProcessedOnce(Map<String, String> environment) {
    try (Orders orders = construct(Orders.class, environment);
        Reservations reservations = construct(Reservations.class, environment)) {
      List<Notification> created = all(orders, Order.Created.class);
      List<Notification> reserved = all(reservations, Reservation.Created.class);
      List<Long> upstreamIds = reserved.stream()
          .map(n -> ((Reservation.Created) reservations.mapper().toDomainEvent(n).payload()).upstreamNotificationId())
          .toList();
      assertThat(upstreamIds).as("the upstream notification of each reservation, in order")
          .containsExactlyElementsOf(created.stream().map(Notification::id).toList());
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

  private static long count(String output, String text) {
    return output.lines().filter(line -> line.contains(text)).count();
  }

  /** Lines logged at WARN or above. */
  private static List<String> warnings(String output) {
    return output.lines()
        .filter(line -> line.matches(".*\\b(WARN|WARNING|SEVERE|ERROR)\\b.*"))
        .toList();
  }
}
