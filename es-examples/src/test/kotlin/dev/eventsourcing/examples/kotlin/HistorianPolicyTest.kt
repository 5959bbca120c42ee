package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.AggregateNotFoundException
import dev.eventsourcing.examples.kotlin.classic.Universe
import dev.eventsourcing.examples.kotlin.classic.World
import dev.eventsourcing.examples.kotlin.system.ChronicleEvent
import dev.eventsourcing.examples.kotlin.system.Historian
import dev.eventsourcing.testing.ProcessFixture
import dev.eventsourcing.testing.thenThrows
import dev.eventsourcing.testing.whenever
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The historian's typed policy, tested with the process fixture. */
class HistorianPolicyTest {
  @Test
  fun theHistorianEntersWhatHappens() {
    ProcessFixture.of(Universe::class.java, Historian::class.java).use { historian ->
      val earth = UUID.randomUUID()
      historian.given(earth, World.Created("Earth"))
          .whenever(earth, World.SomethingHappened("dinosaurs"))
          .then(ChronicleEvent.Entered("dinosaurs"))

      assertThat(historian.application().chronicle(earth)).containsExactly("Earth: dinosaurs")
    }
  }

  @Test
  fun theHistorianFailsOnAWorldItHasNotHeardOf() {
    ProcessFixture.of(Universe::class.java, Historian::class.java).use { historian ->
      historian.whenever(UUID.randomUUID(), World.SomethingHappened("dinosaurs"))
          .thenThrows<AggregateNotFoundException>()
    }
  }
}
