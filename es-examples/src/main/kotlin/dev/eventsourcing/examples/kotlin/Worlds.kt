package dev.eventsourcing.examples.kotlin

import java.util.UUID

/** The reference README's application, as each Kotlin style of the examples writes it. */
interface Worlds : AutoCloseable {
  fun createWorld(name: String): UUID

  fun makeItSo(worldId: UUID, what: String)

  fun getHistory(worldId: UUID): List<String>
}
