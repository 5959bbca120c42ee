package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.examples.kotlin.decider.World
import dev.eventsourcing.examples.kotlin.decider.WorldCommand
import dev.eventsourcing.examples.kotlin.decider.WorldEvent
import dev.eventsourcing.testing.given
import dev.eventsourcing.testing.thenThrows
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The README's World as a decider, tested with the given/when/then fixtures. */
class WorldDecisionsTest {
  @Test
  fun aWorldIsCreated() {
    given(World).whenever(WorldCommand.Create("Earth")).then(WorldEvent.Created("Earth"))
  }

  @Test
  fun somethingHappensInAWorldThatExists() {
    val world = given(World, WorldEvent.Created("Earth"))
        .whenever(WorldCommand.MakeItSo("dinosaurs"))
        .then(WorldEvent.SomethingHappened("dinosaurs"))

    assertThat(world.state.history).containsExactly("dinosaurs")
  }

  @Test
  fun nothingHappensInNoWorld() {
    val refused = given(World).whenever(WorldCommand.MakeItSo("dinosaurs")).thenThrows<IllegalArgumentException>()

    assertThat(refused).hasMessage("there is no world to make it so in")
  }
}
