package dev.eventsourcing.examples.universe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static String run(Map<String, String> environment) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Main.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), environment);
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheHistoryAndTheNotificationLog() {
    String output = run(Map.of("PERSISTENCE_MODULE", "memory"));

    assertThat(output).contains("Stored in: memory");
    assertThat(output).contains("Its history: dinosaurs, trucks, internet");
    assertThat(output).contains("#1 dev.eventsourcing.examples.universe:World.Created");
    assertThat(output).contains("#4 dev.eventsourcing.examples.universe:World.SomethingHappened");
    assertThat(output).doesNotContain("#5 ");
  }

  @Test
  void aSecondRunOnTheSameSqliteFileShowsTheEventsOfTheFirst(@TempDir Path dir) {
    Map<String, String> sqlite =
        Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve("universe.db").toString());

    String first = run(sqlite);
    String second = run(sqlite);

    assertThat(first).contains("Stored in: SQLite database").doesNotContain("#5 ");
    assertThat(second).contains("#1 dev.eventsourcing.examples.universe:World.Created");
    assertThat(second).contains("#5 dev.eventsourcing.examples.universe:World.Created");
    assertThat(second).contains("#8 dev.eventsourcing.examples.universe:World.SomethingHappened");
  }
}
