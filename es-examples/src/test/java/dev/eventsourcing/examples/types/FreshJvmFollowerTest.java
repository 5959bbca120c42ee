package dev.eventsourcing.examples.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.examples.kotlin.Worlds;
import dev.eventsourcing.system.NotificationLogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A leader writes events to a SQLite file in this JVM; a follower started in a new JVM decodes every one of them,
 * because the leader application declares its types: the README's Universe over the aggregate class {@code World},
 * and over the Kotlin {@code aggregate { }} type {@code World}, which nothing in the new JVM has touched before the
 * application is constructed there.
 */
class FreshJvmFollowerTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"classic", "dsl"})
  void aFollowerInANewJvmDecodesEveryEventItsLeaderDeclares(String kind) throws Exception {
    Map<String, String> environment = sqlite(kind);
    List<String> expectedEvents = new ArrayList<>();
    List<String> expectedHistories = new ArrayList<>();
    try (Application leader = FreshJvmFollower.leader(kind, environment)) {
      Worlds worlds = (Worlds) leader;
      for (String name : List.of("Earth", "Mars")) {
        UUID id = worlds.createWorld(name);
        worlds.makeItSo(id, "dinosaurs on " + name);
        worlds.makeItSo(id, "trucks on " + name);
        expectedHistories.add("HISTORY " + id + " " + worlds.getHistory(id));
      }
      new NotificationLogReader(leader.log()).read(1).forEach(notification -> expectedEvents.add(
          "EVENT " + notification.topic() + " " + leader.mapper().toDomainEvent(notification).payload()));
    }
    assertThat(expectedEvents).hasSize(6);

    String output = run(kind, environment);

    assertThat(lines(output, "EVENT ")).containsExactlyElementsOf(expectedEvents);
    assertThat(lines(output, "HISTORY ")).containsExactlyElementsOf(expectedHistories);
    assertThat(lines(output, "PROCESSED ")).containsExactly("PROCESSED 6");
  }

  @Test
  void anApplicationInANewJvmThatDeclaresNothingIsRefusedTheEvents() throws Exception {
    Map<String, String> environment = sqlite("undeclared");
    try (Application leader = FreshJvmFollower.leader("dsl", environment)) {
      ((Worlds) leader).createWorld("Venus");
    }

    String output = run("undeclared", environment);

    assertThat(lines(output, "REFUSED ")).singleElement().asString()
        .contains("'dev.eventsourcing.examples.kotlin.dsl:WorldEvent.Created'")
        .contains("names none of the application's declared types");
  }

  private Map<String, String> sqlite(String name) {
    return Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve(name + ".db").toString());
  }

  private String run(String mode, Map<String, String> environment) throws Exception {
    Path log = dir.resolve(mode + ".txt");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        FreshJvmFollower.class.getName(), mode)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SQLITE_DBNAME", environment.get("SQLITE_DBNAME"));
    Process process = builder.start();
    boolean finished = process.waitFor(2, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished && process.exitValue() == 0).as("the new JVM failed:%n%s", output).isTrue();
    return output;
  }

  private static List<String> lines(String output, String prefix) {
    return output.lines().filter(line -> line.startsWith(prefix)).toList();
  }
}
