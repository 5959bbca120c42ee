package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.examples.kotlin.decider.WorldCommand
import dev.eventsourcing.examples.kotlin.decider.WorldEvent
import dev.eventsourcing.testing.given
import dev.eventsourcing.testing.whenever
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import dev.eventsourcing.examples.kotlin.classic.World as ClassicWorld
import dev.eventsourcing.examples.kotlin.decider.World as DeciderWorld

/**
 * The README's World in Kotlin, as a class and as a decider, with the given/when/then fixtures; and their failure
 * messages ([WorldDecisionsTest] and [HistorianPolicyTest] are the docs' examples).
 */
class WorldFixturesTest {
  @Test
  fun theClassicWorldMakesItSo() {
    val world = given<ClassicWorld>(ClassicWorld.Created("Earth"))
        .whenever { it.makeItSo("dinosaurs") }
        .then(ClassicWorld.SomethingHappened("dinosaurs"))

    assertThat(world.history).containsExactly("dinosaurs")
  }

  @Test
  fun theDeciderMakesItSoInAWorldThatExists() {
    val world = given(DeciderWorld, WorldEvent.Created("Earth"), WorldEvent.SomethingHappened("dinosaurs"))
        .whenever(WorldCommand.MakeItSo("trucks"))
        .then(WorldEvent.SomethingHappened("trucks"))

    assertThat(world.state.history).containsExactly("dinosaurs", "trucks")
    given(DeciderWorld, WorldEvent.Created("Earth")).whenever(WorldCommand.Create("Earth")).thenNothing()
  }

  @Test
  fun aFailedExpectationListsTheExpectedAndTheActualEvents() {
    val outcome = given(DeciderWorld, WorldEvent.Created("Earth")).whenever(WorldCommand.MakeItSo("truck"))

    assertThatThrownBy { outcome.then(WorldEvent.SomethingHappened("trucks"), WorldEvent.SomethingHappened("cars")) }
        .isInstanceOf(AssertionError::class.java)
        .hasMessage(
            """
            the command MakeItSo(what=truck) on World (given 1 events) made other events than expected.
            Expected: 2 events:
              1. SomethingHappened(what=trucks)
              2. SomethingHappened(what=cars)
            Actual: 1 event:
              1. SomethingHappened(what=truck)
            The first difference is event 1: expected SomethingHappened(what=trucks) but was SomethingHappened(what=truck).
            """.trimIndent())
  }
}
