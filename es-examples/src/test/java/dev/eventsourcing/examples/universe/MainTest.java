package dev.eventsourcing.examples.universe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void printsTheHistoryAndTheNotificationLog() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    Main.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("Its history: dinosaurs, trucks, internet");
    assertThat(output).contains("#1 dev.eventsourcing.examples.universe:World.Created");
    assertThat(output).contains("#4 dev.eventsourcing.examples.universe:World.SomethingHappened");
  }
}
