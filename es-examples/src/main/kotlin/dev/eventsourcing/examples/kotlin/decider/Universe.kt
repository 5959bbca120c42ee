package dev.eventsourcing.examples.kotlin.decider

import dev.eventsourcing.application.Application
import dev.eventsourcing.application.execute
import dev.eventsourcing.application.get
import dev.eventsourcing.domain.DecodableTypes
import dev.eventsourcing.examples.kotlin.Worlds
import java.util.UUID

/** The reference README's application over the [World] decider: each command is one `execute`. */
class Universe(environment: Map<String, String> = emptyMap()) : Application(environment), Worlds {
  override fun createWorld(name: String): UUID = execute(World, UUID.randomUUID(), WorldCommand.Create(name)).aggregate.id

  override fun makeItSo(worldId: UUID, what: String) {
    execute(World, worldId, WorldCommand.MakeItSo(what))
  }

  override fun getHistory(worldId: UUID): List<String> = repository().get(worldId, World).state.history

  override fun types(): DecodableTypes = World.types
}
