package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.persistence.RecordConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The program each process of {@link PostgresCrossProcessTest} runs: it repeatedly loads two worlds, changes one
 * twice and the other once, and saves both in one call, counting successful saves and conflicts. Arguments: the
 * process's label, the number of saves to attempt, the world ids; the settings come from the process environment.
 * It prints each saved change ({@code SAVED <what>}), then {@code DONE <saves> <conflicts>}.
 */
public final class ConcurrentSaves {
  private ConcurrentSaves() {}

  public static void main(String[] args) {
    String label = args[0];
    int attempts = Integer.parseInt(args[1]);
    List<UUID> worlds = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      worlds.add(UUID.fromString(args[i]));
    }
    int saves = 0;
    int conflicts = 0;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (Universe universe = new Universe(Map.of())) {
      for (int attempt = 0; attempt < attempts; attempt++) {
        int first = random.nextInt(worlds.size());
        int second = (first + 1 + random.nextInt(worlds.size() - 1)) % worlds.size();
        World a = universe.repository().get(worlds.get(first), World.class);
        World b = universe.repository().get(worlds.get(second), World.class);
        String what = label + "-" + attempt;
        a.makeItSo(what + "-a1");
        a.makeItSo(what + "-a2");
        b.makeItSo(what + "-b");
        try {
          universe.save(a, b);
          saves++;
          System.out.println("SAVED " + what);
        } catch (RecordConflictException e) {
          conflicts++;
        }
      }
    }
    System.out.println("DONE " + saves + " " + conflicts);
  }

  /** The environment of the processes. */
  static Map<String, String> environment(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("PERSISTENCE_MODULE", "postgres");
    return environment;
  }
}
