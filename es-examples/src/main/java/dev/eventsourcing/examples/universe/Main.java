package dev.eventsourcing.examples.universe;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.NotificationLogReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The runnable example: creates a world in the {@link Universe}, makes things happen in it, and prints the
 * world's history and the application's notification log. Configured by the environment like any application.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    try (Universe universe = new Universe()) {
      UUID worldId = universe.createWorld("Earth");
      universe.makeItSo(worldId, "dinosaurs");
      universe.makeItSo(worldId, "trucks");
      universe.makeItSo(worldId, "internet");

      out.println("Created world " + worldId + " in application " + universe.name() + ".");
      out.println("Its history: " + String.join(", ", universe.getHistory(worldId)));
      out.println();
      out.println("The notification log:");
      new NotificationLogReader(universe.log(), 100)
          .read(1)
          .forEach(notification -> out.println("  " + describe(notification)));
    }
  }

  private static String describe(Notification notification) {
    return "#" + notification.id() + " " + notification.topic() + " of " + notification.originatorId() + " v"
        + notification.originatorVersion() + ": " + new String(notification.state(), StandardCharsets.UTF_8);
  }
}
