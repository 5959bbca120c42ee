package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.worlds.Universe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The program {@link GroupCommitTestCase} kills: several threads of one process save to one application, each its
 * own worlds one event at a time, and print each save once it has returned ({@code ACK <world id> <version>}).
 * Argument: the number of threads; the settings come from the process environment. It runs until it is killed.
 */
public final class AcknowledgedWriters {
  private AcknowledgedWriters() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    Universe universe = new Universe(Map.of());
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String label = "writer " + t;
      writers.add(new Thread(() -> {
        for (int world = 0; ; world++) {
          UUID id = universe.createWorld(label + " world " + world);
          acknowledge(id, 1);
          universe.makeItSo(id, label + " thing");
          acknowledge(id, 2);
        }
      }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }
  }

  private static void acknowledge(UUID id, int version) {
    System.out.println("ACK " + id + " " + version);
  }
}
