package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.Application
import dev.eventsourcing.cipher.AesCipher
import dev.eventsourcing.persistence.RecordConflictException
import dev.eventsourcing.system.notifications
import java.nio.file.Path
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The reference README's assertions for a Kotlin style of the Universe: the synopsis, and its `test()` on the
 * in-memory store and on a SQLite file, plain and with zlib and AES. Each style is a subclass.
 */
abstract class ReadmeContract {
  @TempDir lateinit var dir: Path

  /** A Universe of the style under test. */
  abstract fun universe(environment: Map<String, String>): Worlds

  /** The history of a world at a version, as the style reads it. */
  abstract fun historyAt(app: Worlds, worldId: UUID, version: Int): List<String>

  /** Makes something happen to the world as it was at a version, and saves that stale change. */
  abstract fun saveStaleChange(app: Worlds, worldId: UUID, version: Int, what: String)

  private fun sqlite() = mapOf("PERSISTENCE_MODULE" to "sqlite", "SQLITE_DBNAME" to dir.resolve("universe.db").toString())

  private fun compressedAndEncrypted(store: Map<String, String>) = store + mapOf(
      "CIPHER_KEY" to AesCipher.createKey(32),
      "CIPHER_TOPIC" to "dev.eventsourcing.cipher:AesCipher",
      "COMPRESSOR_TOPIC" to "dev.eventsourcing.compressor:ZlibCompressor",
  )

  @Test
  fun synopsis() {
    universe(emptyMap()).use { app ->
      val worldId = app.createWorld("Earth")
      app.makeItSo(worldId, "dinosaurs")
      app.makeItSo(worldId, "trucks")
      app.makeItSo(worldId, "internet")
      assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks", "internet")
    }
  }

  @Test
  fun inMemory() = universe(mapOf("PERSISTENCE_MODULE" to "memory")).use { test(it, expectVisible = true) }

  @Test
  fun inMemoryCompressedAndEncrypted() =
      universe(compressedAndEncrypted(mapOf("PERSISTENCE_MODULE" to "memory"))).use { test(it, expectVisible = false) }

  @Test
  fun sqliteFile() = universe(sqlite()).use { test(it, expectVisible = true) }

  @Test
  fun sqliteFileCompressedAndEncrypted() =
      universe(compressedAndEncrypted(sqlite())).use { test(it, expectVisible = false) }

  /** The reference README's test() function. */
  private fun test(app: Worlds, expectVisible: Boolean) {
    val log = (app as Application).log()
    assertThat(log.section("1,10").items()).isEmpty()

    var worldId = app.createWorld("Earth")
    app.makeItSo(worldId, "dinosaurs")
    app.makeItSo(worldId, "trucks")
    assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks")
    app.makeItSo(worldId, "internet")
    assertThat(app.getHistory(worldId)).containsExactly("dinosaurs", "trucks", "internet")

    val values = listOf("dinosaurs", "trucks", "internet")
    val visible = log.notifications().count { notification ->
      val state = String(notification.state(), Charsets.ISO_8859_1)
      values.any { it in state }
    }
    assertThat(visible).isEqualTo(if (expectVisible) values.size else 0)

    val old = historyAt(app, worldId, 3)
    assertThat(old).hasSize(2)
    assertThat(old[1]).isEqualTo("trucks")
    assertThat(log.section("1,10").items()).hasSize(4)

    assertThatThrownBy { saveStaleChange(app, worldId, 3, "future") }.isInstanceOf(RecordConflictException::class.java)
    assertThat(log.section("1,10").items()).hasSize(4)

    val notifications = log.notifications().toList()
    assertThat(notifications).hasSize(4)

    worldId = app.createWorld("Mars")
    listOf("plants", "fish", "mammals").forEach { app.makeItSo(worldId, it) }
    worldId = app.createWorld("Venus")
    listOf("morning", "afternoon", "evening").forEach { app.makeItSo(worldId, it) }

    assertThat(log.notifications(start = notifications.last().id() + 1).toList()).hasSize(8)
    assertThat(log.notifications().map { it.id() }.toList()).isEqualTo((1L..12L).toList())
  }
}
