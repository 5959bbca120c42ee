package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.examples.kotlin.classic.Universe
import dev.eventsourcing.examples.kotlin.system.Historian
import dev.eventsourcing.system.MultiThreadedRunner
import dev.eventsourcing.system.Runner
import dev.eventsourcing.system.SingleThreadedRunner
import dev.eventsourcing.system.system
import java.nio.file.Path
import java.time.Duration
import org.assertj.core.api.Assertions.assertThat
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource

/** A Kotlin process application in a system declared with `system { }`, run by both runners on two stores. */
class HistorianSystemTest {
  @TempDir lateinit var dir: Path

  private val chronicles = system {
    pipe(Universe::class, Historian::class)
  }

  @ParameterizedTest
  @CsvSource("single,memory", "single,sqlite", "multi,memory", "multi,sqlite")
  fun theHistorianChroniclesEveryWorld(runnerKind: String, store: String) {
    val settings = when (store) {
      "memory" -> mapOf("PERSISTENCE_MODULE" to "memory")
      else -> mapOf("PERSISTENCE_MODULE" to "sqlite", "SQLITE_DBNAME" to dir.resolve("worlds.db").toString())
    }
    val runner: Runner = when (runnerKind) {
      "single" -> SingleThreadedRunner(chronicles, settings)
      else -> MultiThreadedRunner(chronicles, settings, Duration.ofMillis(100))
    }
    runner.start()
    try {
      val universe = runner.get(Universe::class.java)
      val earth = universe.createWorld("Earth")
      universe.makeItSo(earth, "dinosaurs")
      universe.makeItSo(earth, "trucks")
      val mars = universe.createWorld("Mars")
      universe.makeItSo(mars, "plants")

      val historian = runner.get(Historian::class.java)
      await().atMost(Duration.ofSeconds(30)).untilAsserted {
        assertThat(historian.chronicle(earth)).containsExactly("Earth: dinosaurs", "Earth: trucks")
        assertThat(historian.chronicle(mars)).containsExactly("Mars: plants")
      }
      assertThat(historian.recorder().maxTrackingId("Universe")).isEqualTo(5L)
    } finally {
      runner.stop()
    }
  }
}
