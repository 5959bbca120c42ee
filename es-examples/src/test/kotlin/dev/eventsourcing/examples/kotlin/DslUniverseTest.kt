package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.get
import dev.eventsourcing.application.save
import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.domain.OriginatorVersionException
import dev.eventsourcing.domain.Versioned
import dev.eventsourcing.examples.kotlin.dsl.Universe
import dev.eventsourcing.examples.kotlin.dsl.World
import dev.eventsourcing.examples.kotlin.dsl.WorldEvent
import dev.eventsourcing.examples.kotlin.dsl.WorldState
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** The README in Kotlin, in the style of immutable state evolved by events, defined with `aggregate { }`. */
class DslUniverseTest : ReadmeContract() {
  override fun universe(environment: Map<String, String>): Worlds = Universe(environment)

  override fun historyAt(app: Worlds, worldId: UUID, version: Int): List<String> =
      (app as Universe).repository().get(worldId, World, version).state.history

  override fun saveStaleChange(app: Worlds, worldId: UUID, version: Int, what: String) {
    app as Universe
    val old = app.repository().get(worldId, World, version)
    app.save(World.trigger(old, WorldEvent.SomethingHappened(what)))
  }

  @Test
  fun aggregates() {
    val (created, first) = World.create(WorldEvent.Created("Earth"))
    assertThat(created.state).isEqualTo(WorldState("Earth"))
    assertThat(created.id.version()).isEqualTo(4)
    assertThat(created.version).isEqualTo(1)

    val (world, later) = World.trigger(
        created,
        WorldEvent.SomethingHappened("dinosaurs"),
        WorldEvent.SomethingHappened("trucks"),
        WorldEvent.SomethingHappened("internet"),
    )
    assertThat(world.state.history).containsExactly("dinosaurs", "trucks", "internet")
    assertThat(world.version).isEqualTo(4)

    val events: List<DomainEvent<WorldEvent>> = first + later
    assertThat(events.map { it.originatorVersion() }).containsExactly(1, 2, 3, 4)
    assertThat(events[0].topic()).endsWith(":WorldEvent.Created")
    assertThat(events[1].topic()).endsWith(":WorldEvent.SomethingHappened")

    var copy: Versioned<WorldState>? = null
    for (event in events) {
      copy = World.project(copy, event)
    }
    assertThat(copy).isEqualTo(world)
  }

  @Test
  fun eventsOutOfOrderAreRefused() {
    val (created, first) = World.create(WorldEvent.Created("Earth"))
    val (_, later) = World.trigger(created, WorldEvent.SomethingHappened("dinosaurs"))
    assertThatThrownBy { World.project(null, later[0]) }.isInstanceOf(OriginatorVersionException::class.java)
    assertThatThrownBy { World.project(World.project(null, first[0]), first[0]) }
        .isInstanceOf(OriginatorVersionException::class.java)
  }
}
