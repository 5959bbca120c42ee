package dev.eventsourcing.examples.kotlin.dsl

import dev.eventsourcing.application.Application
import dev.eventsourcing.application.get
import dev.eventsourcing.application.save
import dev.eventsourcing.domain.DecodableTypes
import dev.eventsourcing.examples.kotlin.Worlds
import java.util.UUID

/** The reference README's application in Kotlin, over the immutable [World]: commands return new events and state. */
class Universe(environment: Map<String, String> = emptyMap()) : Application(environment), Worlds {
  override fun createWorld(name: String): UUID {
    val created = World.create(WorldEvent.Created(name))
    save(created)
    return created.aggregate.id
  }

  override fun makeItSo(worldId: UUID, what: String) {
    val world = repository().get(worldId, World)
    save(World.trigger(world, WorldEvent.SomethingHappened(what)))
  }

  override fun getHistory(worldId: UUID): List<String> = repository().get(worldId, World).state.history

  override fun types(): DecodableTypes = World.types
}
