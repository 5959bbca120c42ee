package dev.eventsourcing.jpa.drivers;

import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The program {@link DriversAreTheUsersTest} runs on a class path without SQLite's driver: a PostgreSQL user's
 * whole path (saves, reads, a conflict and its translation, every store module found), then a SQLite store named
 * by mistake. The PostgreSQL settings come from the process environment. It prints {@code OK} when all holds.
 */
public final class PostgresWithoutSqlite {
  private PostgresWithoutSqlite() {}

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("org.sqlite.JDBC");
      throw new AssertionError("SQLite's driver is on the class path");
    } catch (ClassNotFoundException expected) {
      // the point of the run
    }
    try (Universe universe = new Universe(Map.of())) {
      UUID id = universe.createWorld("Earth");
      universe.makeItSo(id, "dinosaurs");
      World first = universe.repository().get(id, World.class);
      World second = universe.repository().get(id, World.class);
      first.makeItSo("trucks");
      second.makeItSo("internet");
      universe.save(first);
      try {
        universe.save(second);
        throw new AssertionError("the second save of one version did not conflict");
      } catch (RecordConflictException expected) {
        // translated by JpaErrors, with no SQLite class
      }
      if (!universe.getHistory(id).equals(List.of("dinosaurs", "trucks"))) {
        throw new AssertionError("history is " + universe.getHistory(id));
      }
    }
    String file = Files.createTempFile("no-driver", ".db").toString();
    try (Universe wrong = new Universe(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", file))) {
      throw new AssertionError("a SQLite store opened without its driver");
    } catch (ConfigurationException expected) {
      System.out.println(expected.getMessage());
    }
    System.out.println("OK");
  }
}
