package dev.eventsourcing.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.jpa.worlds.Universe;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * es-jpa is built on es-api as any Java user's project is: es-api's Kotlin standard library and Jackson Kotlin
 * module are optional dependencies, so they are not on this class path, and the transcoder works without them.
 */
class KotlinIsOptionalTest {
  @Test
  void aJavaUsersClassPathHasNoKotlin() {
    assertThatThrownBy(() -> Class.forName("kotlin.Unit")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("tools.jackson.module.kotlin.KotlinModule"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void eventsAreStoredAndReadWithoutKotlin() {
    try (Universe universe = new Universe(Map.of("PERSISTENCE_MODULE", "memory"))) {
      UUID id = universe.createWorld("Earth");
      universe.makeItSo(id, "dinosaurs");
      assertThat(universe.getHistory(id)).containsExactly("dinosaurs");
    }
  }
}
