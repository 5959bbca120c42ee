package dev.eventsourcing.examples.universe;

import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.NotificationLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.LogManager;

/**
 * The runnable example: creates a world in the {@link Universe}, makes things happen in it, and prints the
 * world's history and the application's whole notification log.
 *
 * <p>Unless the environment chooses a store ({@code PERSISTENCE_MODULE} or {@code UNIVERSE_PERSISTENCE_MODULE}),
 * the events are kept in the SQLite file {@code universe.db} in the current directory, so each run adds to what
 * earlier runs stored. Set {@code PERSISTENCE_MODULE=postgres} and the {@code POSTGRES_*} settings to use
 * PostgreSQL instead.
 */
public final class Main {
  /** The SQLite file used when the environment chooses no store. */
  public static final String DEFAULT_SQLITE_FILE = "universe.db";

  private Main() {}

  public static void main(String[] args) throws IOException {
    try (InputStream logging = Main.class.getResourceAsStream("/logging.properties")) {
      LogManager.getLogManager().readConfiguration(logging);
    }
    run(System.out, System.getenv());
  }

  static void run(PrintStream out, Map<String, String> environment) {
    Map<String, String> settings = new HashMap<>(environment);
    if (new Environment("Universe", environment).get("PERSISTENCE_MODULE") == null) {
      settings.put("PERSISTENCE_MODULE", "sqlite");
      settings.put("SQLITE_DBNAME", Path.of(DEFAULT_SQLITE_FILE).toAbsolutePath().toString());
    }
    try (Universe universe = new Universe(settings)) {
      UUID worldId = universe.createWorld("Earth");
      universe.makeItSo(worldId, "dinosaurs");
      universe.makeItSo(worldId, "trucks");
      universe.makeItSo(worldId, "internet");

      out.println("Stored in: " + describeStore(universe));
      out.println("Created world " + worldId + " in application " + universe.name() + ".");
      out.println("Its history: " + String.join(", ", universe.getHistory(worldId)));
      out.println();
      out.println("The notification log (all runs so far):");
      new NotificationLogReader(universe.log(), 100)
          .read(1)
          .forEach(notification -> out.println("  " + describe(notification)));
    }
  }

  private static String describeStore(Universe universe) {
    Environment environment = universe.environment();
    String module = environment.get("PERSISTENCE_MODULE", "memory");
    return switch (module) {
      case "sqlite" -> "SQLite database " + environment.get("SQLITE_DBNAME");
      case "postgres" -> "PostgreSQL database " + environment.get("POSTGRES_DBNAME") + " on "
          + environment.get("POSTGRES_HOST", "localhost");
      default -> module;
    };
  }

  private static String describe(Notification notification) {
    return "#" + notification.id() + " " + notification.topic() + " of " + notification.originatorId() + " v"
        + notification.originatorVersion() + ": " + new String(notification.state(), StandardCharsets.UTF_8);
  }
}
