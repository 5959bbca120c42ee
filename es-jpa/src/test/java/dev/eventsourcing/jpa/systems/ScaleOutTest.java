package dev.eventsourcing.jpa.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.Order;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Payment;
import dev.eventsourcing.system.Payments;
import dev.eventsourcing.system.Reservation;
import dev.eventsourcing.system.Reservations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs, the nodes, run the same system of orders, reservations and payments on one PostgreSQL, each with a
 * writer of its own orders. Each follower runs on one node at a time, under its lease; the node running the
 * reservations is killed while everything is being written and processed, and another node takes the
 * reservations over and goes on from where the tracking records say. At the end, every order has been reserved
 * once and paid once, in the order of the upstream log: no follower skipped an event or processed one twice.
 */
class ScaleOutTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int ORDERS_PER_NODE = 250;
  private static final List<String> FOLLOWERS = List.of("Reservations", "Orders", "Payments");

  @TempDir Path dir;

  @Test
  void followersMoveToAnotherNodeWhenTheirNodeIsKilledAndProcessEveryEventOnce() throws Exception {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    environment.put("PERSISTENCE_MODULE", "postgres");
    environment.put("POSTGRES_POOL_SIZE", "3");
    // The tables first, so that the nodes don't all create them at once.
    try (Orders orders = construct(Orders.class, environment);
        Reservations reservations = construct(Reservations.class, environment);
        Payments payments = construct(Payments.class, environment)) {
      assertThat(orders.recorder().maxNotificationId()).isNull();
    }

    Map<String, Process> nodes = new LinkedHashMap<>();
    try {
      for (String label : List.of("a", "b", "c")) {
        nodes.put(label, start(environment, label));
      }
      for (String label : nodes.keySet()) {
        awaitOutput(nodes, label, "STARTED");
      }
      for (Process node : nodes.values()) {
        send(node, "WRITE");
      }

      // Each follower's lease was taken by exactly one node.
      await().atMost(PATIENCE).until(() -> FOLLOWERS.stream().allMatch(follower -> !holders(follower).isEmpty()));
      for (String follower : FOLLOWERS) {
        assertThat(holders(follower)).as("the nodes that took the lease of %s", follower).hasSize(1);
      }
      String victim = holders("Reservations").get(0);
      try (Reservations reservations = construct(Reservations.class, environment)) {
        await().atMost(PATIENCE).until(() -> tracked(reservations, "Orders") > 0);
      }
      assertThat(output(victim)).as("killed while it writes").doesNotContain("WRITTEN");
      nodes.get(victim).destroyForcibly();
      assertThat(nodes.get(victim).waitFor(1, TimeUnit.MINUTES)).isTrue();
      nodes.remove(victim);

      // Another node takes over every lease the victim held, within the poll interval once PostgreSQL has seen
      // the victim's connections close.
      await().atMost(PATIENCE).until(() -> FOLLOWERS.stream().allMatch(
          follower -> holders(follower).stream().anyMatch(nodes::containsKey)));
      for (String label : nodes.keySet()) {
        awaitOutput(nodes, label, "WRITTEN");
      }
      try (Orders orders = construct(Orders.class, environment)) {
        await().atMost(PATIENCE).until(() -> all(orders, Order.Paid.class).size()
            == all(orders, Order.Created.class).size());
      }
      for (Process node : nodes.values()) {
        send(node, "STOP");
      }
      for (String label : nodes.keySet()) {
        awaitExit(nodes.get(label), label);
      }
    } finally {
      nodes.values().forEach(Process::destroyForcibly);
    }
    assertProcessedOnce(environment);
  }

  private Process start(Map<String, String> environment, String label) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        NodeProcess.class.getName(), label, String.valueOf(ORDERS_PER_NODE))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(label + ".txt").toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static void send(Process node, String line) throws IOException {
    OutputStream input = node.getOutputStream();
    input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    input.flush();
  }

  private String output(String label) {
    try {
      return Files.readString(dir.resolve(label + ".txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nodes whose output says they took the follower's lease, in the order of the nodes. */
  private List<String> holders(String follower) {
    List<String> holders = new ArrayList<>();
    for (String label : List.of("a", "b", "c")) {
      if (output(label).contains("application " + follower + " took its lease")) {
        holders.add(label);
      }
    }
    return holders;
  }

  /** Waits for a line of a node's output; fails at once, with every node's output, if any node has exited. */
  private void awaitOutput(Map<String, Process> nodes, String label, String line) {
    await().atMost(PATIENCE).until(() -> {
      for (Map.Entry<String, Process> node : nodes.entrySet()) {
        assertThat(node.getValue().isAlive()).as("node %s exited early:%n%s", node.getKey(), everything(nodes))
            .isTrue();
      }
      return output(label).lines().anyMatch(line::equals);
    });
  }

  private void awaitExit(Process process, String label) throws Exception {
    boolean finished = process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    String output = output(label);
    assertThat(finished && process.exitValue() == 0).as("node %s failed:%n%s", label, output).isTrue();
    assertThat(output).contains("DONE");
  }

  private String everything(Map<String, Process> nodes) {
    StringBuilder all = new StringBuilder();
    for (String label : nodes.keySet()) {
      all.append("--- node ").append(label).append(":\n").append(output(label));
    }
    return all.toString();
  }

  /**
   * Each order created is reserved once, in the order of the upstream log; each reservation marks its order
   * reserved once; each order reserved is paid once.
   */
  private static void assertProcessedOnce(Map<String, String> environment) {
    try (Orders orders = construct(Orders.class, environment);
        Reservations reservations = construct(Reservations.class, environment);
        Payments payments = construct(Payments.class, environment)) {
      List<Notification> created = all(orders, Order.Created.class);
      assertThat(created.size()).as("orders created by the nodes")
          .isGreaterThanOrEqualTo(2 * ORDERS_PER_NODE).isLessThan(3 * ORDERS_PER_NODE);
      List<Long> reservedFrom = all(reservations, Reservation.Created.class).stream()
          .map(n -> ((Reservation.Created) reservations.mapper().toDomainEvent(n).payload()).upstreamNotificationId())
          .toList();
      assertThat(reservedFrom).as("the upstream notification of each reservation, in order")
          .containsExactlyElementsOf(created.stream().map(Notification::id).toList());

      List<UUID> orderIds = created.stream().map(Notification::originatorId).toList();
      assertThat(all(orders, Order.Reserved.class).stream().map(Notification::originatorId))
          .as("orders marked reserved").containsExactlyInAnyOrderElementsOf(orderIds);
      assertThat(all(payments, Payment.Created.class).stream()
          .map(n -> ((Payment.Created) payments.mapper().toDomainEvent(n).payload()).orderId()))
          .as("orders paid for").containsExactlyInAnyOrderElementsOf(orderIds);
      assertThat(all(orders, Order.Paid.class).stream().map(Notification::originatorId))
          .as("orders marked paid").containsExactlyInAnyOrderElementsOf(orderIds);
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

  private static long tracked(Reservations reservations, String upstream) {
    Long tracked = reservations.recorder().maxTrackingId(upstream);
    return tracked == null ? 0 : tracked;
  }

  private static <A extends Application> A construct(Class<A> type, Map<String, String> environment) {
    return Application.builder(type).environment(environment).build();
  }
}
