package dev.eventsourcing.jpa.systems;

import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Payments;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node of {@link ScaleOutTest}: a multi-threaded runner of the orders, reservations and payments, with the
 * settings of the process environment, and a writer that creates orders (the count given as the second argument,
 * each labelled with the first). It prints {@code STARTED}, starts writing when a line comes on its standard input,
 * prints {@code WRITTEN} when it has created its orders (one every 10 ms at least, so that a node is still writing
 * when the test kills it), and runs until another line (or the end) comes; then it stops the runner, which throws
 * if a follower failed, and prints {@code DONE}. A follower's failure ends it at once, with exit code 1. It logs
 * the runner's debug messages, which say when it takes a follower's lease.
 */
public final class NodeProcess {
  static final EventSystem SYSTEM = new EventSystem(List.of(
      List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));

  private NodeProcess() {}

  public static void main(String[] args) throws Exception {
    String label = args[0];
    int orders = Integer.parseInt(args[1]);
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.FINE);
    Logger logger = Logger.getLogger(MultiThreadedRunner.class.getName());
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);

    Runner runner = new MultiThreadedRunner(SYSTEM, Map.of(), Duration.ofMillis(200));
    runner.start();
    Thread watchdog = new Thread(() -> {
      while (runner.failures().isEmpty()) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
      runner.failures().get(0).printStackTrace();
      System.out.println("FAILED");
      System.exit(1);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    System.out.println("STARTED");
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    commands.readLine();

    Orders shop = runner.get(Orders.class);
    for (int i = 0; i < orders; i++) {
      shop.createOrder(label + " " + i);
      Thread.sleep(10);
    }
    System.out.println("WRITTEN");

    commands.readLine();
    watchdog.interrupt();
    runner.stop();
    System.out.println("DONE");
  }
}
