package dev.eventsourcing.examples.kotlin.classic

import dev.eventsourcing.application.Application
import dev.eventsourcing.application.get
import dev.eventsourcing.domain.DecodableTypes
import dev.eventsourcing.domain.id
import dev.eventsourcing.examples.kotlin.Worlds
import java.util.UUID

/** The reference README's application in Kotlin, over the [World] class. */
class Universe(environment: Map<String, String> = emptyMap()) : Application(environment), Worlds {
  override fun createWorld(name: String): UUID {
    val world = World(name)
    save(world)
    return world.id
  }

  override fun makeItSo(worldId: UUID, what: String) {
    val world = repository().get<World>(worldId)
    world.makeItSo(what)
    save(world)
  }

  override fun getHistory(worldId: UUID): List<String> = repository().get<World>(worldId).history

  override fun types(): DecodableTypes = DecodableTypes.of(World::class.java)
}
