package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.persistence.Notification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimistic concurrency control across processes: two JVMs load, change and save the same aggregates on one
 * PostgreSQL database. Every version is written once, a conflict keeps nothing of its save, and the stored
 * events are exactly those of the successful saves.
 */
class PostgresCrossProcessTest {
  private static final int ATTEMPTS_PER_PROCESS = 150;
  private static final int WORLDS = 3;

  @TempDir Path dir;

  @Test
  void twoProcessesSavingTheSameAggregatesWriteEveryVersionOnce() throws Exception {
    Map<String, String> environment = ConcurrentSaves.environment(TestPostgres.newSchema());
    List<UUID> worlds = new ArrayList<>();
    try (Universe universe = new Universe(environment)) {
      for (int i = 0; i < WORLDS; i++) {
        worlds.add(universe.createWorld("world " + i));
      }
    }

    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (String label : List.of("p1", "p2")) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          ConcurrentSaves.class.getName(), label, String.valueOf(ATTEMPTS_PER_PROCESS)));
      worlds.forEach(id -> command.add(id.toString()));
      Path output = dir.resolve(label + ".txt");
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      outputs.add(output);
      processes.add(builder.start());
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(processes.get(i).exitValue()).as(Files.readString(outputs.get(i))).isZero();
    }

    Set<String> saved = new HashSet<>();
    int saves = 0;
    int conflicts = 0;
    for (Path output : outputs) {
      for (String line : Files.readAllLines(output)) {
        if (line.startsWith("SAVED ")) {
          saved.add(line.substring(6));
        } else if (line.startsWith("DONE ")) {
          String[] counts = line.split(" ");
          saves += Integer.parseInt(counts[1]);
          conflicts += Integer.parseInt(counts[2]);
        }
      }
    }
    assertThat(saves + conflicts).isEqualTo(2 * ATTEMPTS_PER_PROCESS);
    assertThat(saved).hasSize(saves);
    assertThat(saves).isPositive();
    // The processes overlap for most of their runs: some saves conflict, and those must leave nothing behind.
    assertThat(conflicts).isPositive();

    try (Universe universe = new Universe(environment)) {
      List<Notification> all = new ArrayList<>();
      List<Notification> page;
      do {
        page = universe.recorder().selectNotifications(all.size() + 1, 500);
        all.addAll(page);
      } while (!page.isEmpty());
      // Each successful save stored three events, each conflict none.
      assertThat(all).hasSize(WORLDS + 3 * saves);

      List<String> happened = new ArrayList<>();
      for (UUID id : worlds) {
        World world = universe.repository().get(id, World.class);
        assertThat(universe.recorder().selectEvents(id))
            .extracting(event -> event.originatorVersion())
            .as("versions of %s, each once and without gaps", id)
            .isEqualTo(range(1, world.version()));
        happened.addAll(world.history());
      }
      assertThat(happened).doesNotHaveDuplicates().hasSize(3 * saves);
      Set<String> expected = new HashSet<>();
      for (String what : saved) {
        expected.addAll(List.of(what + "-a1", what + "-a2", what + "-b"));
      }
      assertThat(new HashSet<>(happened)).isEqualTo(expected);
    }
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> range = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      range.add(i);
    }
    return range;
  }
}
