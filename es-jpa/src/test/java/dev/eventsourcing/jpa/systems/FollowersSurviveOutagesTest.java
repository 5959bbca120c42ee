package dev.eventsourcing.jpa.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Order;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Payment;
import dev.eventsourcing.system.Payments;
import dev.eventsourcing.system.Reservation;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The followers of a running {@link MultiThreadedRunner} (reservations, payments, and orders following both) go on
 * through a database outage while leaders keep saving: PostgreSQL stopped for several seconds and started again on
 * the same data and port, and a SQLite file locked by another process for longer than the busy timeout. The
 * writers retry their own failed saves. Afterwards no follower has failed, and each upstream event was processed
 * exactly once: every order created is reserved once, every reservation's upstream notification id is an order's
 * creation, once, every reserved order paid once.
 */
class FollowersSurviveOutagesTest {
  private static final EventSystem PIPELINE = new EventSystem(List.of(
      List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));
  /** A guard against a hung runner, not a timing check. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final long OUTAGE_MILLIS = 6_000;

  @TempDir Path dir;

  @Test
  void followersResumeAfterPostgresIsRestarted() throws Exception {
    int port = freePort();
    Path data = dir.resolve("postgres");
    EmbeddedPostgres[] postgres = {server(port, data)};
    Map<String, String> environment = new HashMap<>(TestPostgres.settingsOf(postgres[0]));
    environment.put("PERSISTENCE_MODULE", "postgres");
    environment.put("POSTGRES_CONNECT_TIMEOUT", "1");
    environment.put("PROCESSING_MAX_RETRY_DELAY_MILLIS", "500");
    try {
      runThroughAnOutage(environment, () -> {
        postgres[0].close();
        Thread.sleep(OUTAGE_MILLIS);
        postgres[0] = server(port, data);
      });
    } finally {
      postgres[0].close();
    }
  }

  @Test
  void followersResumeAfterTheSqliteFileWasLockedByAnotherProcess() throws Exception {
    Path file = dir.resolve("shop.db");
    Map<String, String> environment = new HashMap<>();
    environment.put("PERSISTENCE_MODULE", "sqlite");
    environment.put("SQLITE_DBNAME", file.toString());
    environment.put("SQLITE_LOCK_TIMEOUT", "1");
    environment.put("PROCESSING_MAX_RETRY_DELAY_MILLIS", "500");
    runThroughAnOutage(environment, () -> {
      Process locker = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          SqliteLocker.class.getName(), file.toString(), String.valueOf(OUTAGE_MILLIS))
          .redirectErrorStream(true)
          .start();
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(locker.getInputStream(), StandardCharsets.UTF_8))) {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
          lines.add(line);
        }
        assertThat(locker.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(lines).as("the locking process's output").contains("LOCKED", "RELEASED");
      }
    });
  }

  private interface Outage {
    void happen() throws Exception;
  }

  private void runThroughAnOutage(Map<String, String> environment, Outage outage) throws Exception {
    Set<UUID> saved = ConcurrentHashMap.newKeySet();
    int[] failedSaves = {0};
    try (Runner runner = new MultiThreadedRunner(PIPELINE, environment, Duration.ofMillis(200))) {
      runner.start();
      Orders orders = runner.get(Orders.class);
      stopWriting = false;
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        Thread thread = new Thread(() -> {
          for (int i = 0; !stopWriting; i++) {
            Order order = new Order("writer " + writer + " order " + i);
            boolean failedBefore = false;
            while (true) {
              try {
                orders.save(order);
                saved.add(order.id());
                break;
              } catch (OperationalException e) {
                synchronized (failedSaves) {
                  failedSaves[0]++;
                }
                failedBefore = true;
                sleep(50);
              } catch (RecordConflictException e) {
                // A save whose commit was reported lost may have committed after all.
                if (failedBefore && orders.repository().contains(order.id())) {
                  saved.add(order.id());
                  break;
                }
                throw e;
              }
            }
            sleep(10);
          }
        }, "writer-" + w);
        thread.start();
        writers.add(thread);
      }
      await().atMost(PATIENCE).until(() -> paid(orders) >= 20);
      outage.happen();
      int savedBefore = saved.size();
      await().atMost(PATIENCE).until(() -> saved.size() >= savedBefore + 20);
      stopWriting = true;
      for (Thread writer : writers) {
        writer.join(PATIENCE.toMillis());
        assertThat(writer.isAlive()).as("writer ended").isFalse();
      }
      int created = created(orders).size();
      await().atMost(PATIENCE).until(() -> paid(orders) >= created);
      assertThat(runner.failures()).as("followers stopped by a failure").isEmpty();
      assertThat(failedSaves[0]).as("saves that failed during the outage").isPositive();
      assertProcessedOnce(orders, runner.get(Reservations.class), runner.get(Payments.class), saved);
    }
  }

  private static volatile boolean stopWriting;

  private static void assertProcessedOnce(Orders orders, Reservations reservations, Payments payments,
      Set<UUID> saved) {
    List<Notification> created = created(orders);
    assertThat(created).extracting(Notification::originatorId).as("orders whose save returned are all in the log")
        .containsAll(saved);
    List<Reservation.Created> reserved = payloads(reservations, Reservation.Created.class);
    assertThat(reserved).extracting(Reservation.Created::upstreamNotificationId)
        .as("the upstream notification of each reservation")
        .containsExactlyElementsOf(created.stream().map(Notification::id).toList());
    List<UUID> reservedOrders =
        notifications(orders, Order.Reserved.class).stream().map(Notification::originatorId).toList();
    assertThat(reservedOrders).as("orders reserved").doesNotHaveDuplicates().hasSameSizeAs(created);
    assertThat(payloads(payments, Payment.Created.class)).extracting(Payment.Created::orderId)
        .as("a payment for each reserved order, once").containsExactlyElementsOf(reservedOrders);
    assertThat(notifications(orders, Order.Paid.class)).extracting(Notification::originatorId)
        .as("orders paid").doesNotHaveDuplicates().hasSameSizeAs(created);
  }

  private static int paid(Orders orders) {
    try {
      return notifications(orders, Order.Paid.class).size();
    } catch (OperationalException e) {
      return 0;
    }
  }

  private static List<Notification> created(Orders orders) {
    return notifications(orders, Order.Created.class);
  }

  private static List<Notification> notifications(Application application, Class<?> payloadType) {
    List<Notification> all = new ArrayList<>();
    Set<String> topics = Set.of(Topics.of(payloadType));
    while (true) {
      long start = all.isEmpty() ? 1 : all.get(all.size() - 1).id() + 1;
      List<Notification> page = application.recorder().selectNotifications(start, 1000, null, topics);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
    }
  }

  private static <T> List<T> payloads(Application application, Class<T> payloadType) {
    return notifications(application, payloadType).stream()
        .map(notification -> payloadType.cast(application.mapper().toDomainEvent(notification).payload()))
        .toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static EmbeddedPostgres server(int port, Path data) throws IOException {
    return TestPostgres.embedded().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
