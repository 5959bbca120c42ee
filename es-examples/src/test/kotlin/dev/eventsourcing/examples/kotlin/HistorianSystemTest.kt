package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.examples.kotlin.classic.Universe
import dev.eventsourcing.examples.kotlin.system.ChronicleEvent
import dev.eventsourcing.examples.kotlin.system.Historian
import dev.eventsourcing.system.MultiThreadedRunner
import dev.eventsourcing.system.Runner
import dev.eventsourcing.system.SingleThreadedRunner
import dev.eventsourcing.system.get
import dev.eventsourcing.system.notifications
import dev.eventsourcing.system.system
import java.nio.file.Path
import java.time.Duration
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource

/**
 * A Kotlin process application, whose typed handlers collect the changes of an `aggregate { }` type, in a system
 * declared with `system { }`, run by both runners on two stores, and restarted mid-stream on SQLite.
 */
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
    val runner = runner(runnerKind, settings)
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

  @ParameterizedTest
  @CsvSource("single", "multi")
  fun aRestartMidStreamChroniclesEveryEventOnce(runnerKind: String) {
    val settings = mapOf("PERSISTENCE_MODULE" to "sqlite", "SQLITE_DBNAME" to dir.resolve("worlds.db").toString())
    val worlds = mutableMapOf<UUID, List<String>>()
    val first = runner(runnerKind, settings)
    first.start()
    try {
      makeWorlds(first.get<Universe>(), "first", worlds)
    } finally {
      first.stop()
    }
    Universe(settings).use { alone -> makeWorlds(alone, "while stopped", worlds) }

    val second = runner(runnerKind, settings)
    second.start()
    try {
      val universe = second.get<Universe>()
      // A single-threaded runner's followers catch up when they are next prompted.
      makeWorlds(universe, "after the restart", worlds)
      val historian = second.get<Historian>()
      val last = universe.recorder().maxNotificationId()
      await().atMost(Duration.ofSeconds(60)).until { historian.recorder().maxTrackingId("Universe") == last }
      for ((id, lines) in worlds) {
        assertThat(historian.chronicle(id)).containsExactlyElementsOf(lines)
      }
      val opened = historian.log().notifications()
          .map { historian.mapper().toDomainEvent(it).payload }
          .filterIsInstance<ChronicleEvent.Opened>()
          .count()
      assertThat(opened).isEqualTo(worlds.size)
      assertThat(second.failures()).isEmpty()
    } finally {
      second.stop()
    }
  }

  private fun runner(kind: String, settings: Map<String, String>): Runner = when (kind) {
    "single" -> SingleThreadedRunner(chronicles, settings)
    else -> MultiThreadedRunner(chronicles, settings, Duration.ofMillis(100))
  }

  private fun makeWorlds(universe: Universe, stage: String, worlds: MutableMap<UUID, List<String>>) {
    repeat(10) { i ->
      val name = "$stage $i"
      val id = universe.createWorld(name)
      universe.makeItSo(id, "dinosaurs")
      universe.makeItSo(id, "trucks")
      worlds[id] = listOf("$name: dinosaurs", "$name: trucks")
    }
  }
}
