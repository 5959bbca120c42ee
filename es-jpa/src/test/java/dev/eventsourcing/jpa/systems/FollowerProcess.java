package dev.eventsourcing.jpa.systems;

import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The program each JVM of {@link SystemCrossProcessTest} runs: a multi-threaded runner of orders and reservations,
 * until the reservations have processed the orders up to the notification id given as the argument; then it stops
 * the runner (which throws if a follower failed) and prints {@code DONE}. The settings come from the process
 * environment. It logs the process applications' debug messages, which say when another process got to a
 * notification first.
 */
public final class FollowerProcess {
  private FollowerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    long until = Long.parseLong(args[0]);
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.FINE);
    Logger logger = Logger.getLogger(ProcessApplication.class.getName());
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);

    Runner runner = new MultiThreadedRunner(
        new EventSystem(List.of(List.of(Orders.class, Reservations.class))), Map.of(), Duration.ofMillis(100));
    runner.start();
    Reservations reservations = runner.get(Reservations.class);
    while (runner.failures().isEmpty()) {
      Long tracked = reservations.recorder().maxTrackingId("Orders");
      if (tracked != null && tracked >= until) {
        break;
      }
      Thread.sleep(20);
    }
    runner.stop();
    System.out.println("DONE");
  }
}
