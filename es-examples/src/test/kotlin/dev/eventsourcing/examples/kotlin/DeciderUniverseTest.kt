package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.execute
import dev.eventsourcing.application.get
import dev.eventsourcing.application.save
import dev.eventsourcing.domain.EventSourcingException
import dev.eventsourcing.examples.kotlin.decider.Universe
import dev.eventsourcing.examples.kotlin.decider.World
import dev.eventsourcing.examples.kotlin.decider.WorldCommand
import dev.eventsourcing.examples.kotlin.decider.WorldEvent
import dev.eventsourcing.examples.kotlin.decider.WorldState
import dev.eventsourcing.persistence.RecordConflictException
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** The README in Kotlin with a decider: `decide`, `evolve` and `created`, and commands executed in one call. */
class DeciderUniverseTest : ReadmeContract() {
  override fun universe(environment: Map<String, String>): Worlds = Universe(environment)

  override fun historyAt(app: Worlds, worldId: UUID, version: Int): List<String> =
      (app as Universe).repository().get(worldId, World, version).state.history

  override fun saveStaleChange(app: Worlds, worldId: UUID, version: Int, what: String) {
    app as Universe
    val old = app.repository().get(worldId, World, version)
    app.save(World.execute(old, WorldCommand.MakeItSo(what)))
  }

  @Test
  fun aDecisionChangesNothingUntilItIsSaved() {
    val (created, first) = World.execute(null, WorldCommand.Create("Earth"))
    assertThat(first.map { it.payload }).containsExactly(WorldEvent.Created("Earth"))
    assertThat(created.state).isEqualTo(WorldState("Earth"))

    val (later, events) = World.execute(created, WorldCommand.MakeItSo("dinosaurs"))
    assertThat(events.map { it.originatorVersion }).containsExactly(2)
    assertThat(later.state.history).containsExactly("dinosaurs")
    assertThat(created.state.history).isEmpty()
    assertThat(World.decide(WorldCommand.Create("Mars"), later.state)).isEmpty()
  }

  @Test
  fun executeLoadsDecidesSavesAndReturnsTheNewStateAndEvents() {
    Universe(mapOf("PERSISTENCE_MODULE" to "memory")).use { app ->
      val id = UUID.randomUUID()
      val (created, _) = app.execute(World, id, WorldCommand.Create("Earth"))
      val (world, events) = app.execute(World, id, WorldCommand.MakeItSo("dinosaurs"))

      assertThat(created.id).isEqualTo(id)
      assertThat(world.version).isEqualTo(2)
      assertThat(events.map { it.payload }).containsExactly(WorldEvent.SomethingHappened("dinosaurs"))
      assertThat(app.repository().get(id, World)).isEqualTo(world)

      val (again, none) = app.execute(World, id, WorldCommand.Create("Earth"))
      assertThat(none).isEmpty()
      assertThat(again).isEqualTo(world)
      assertThat(app.repository().get(id, World).version).isEqualTo(2)
    }
  }

  @Test
  fun aCommandOfAnotherTypeOrOneThatCreatesNothingIsRefused() {
    Universe(mapOf("PERSISTENCE_MODULE" to "memory")).use { app ->
      assertThatThrownBy { app.execute(World, UUID.randomUUID(), "make it so") }
          .isInstanceOf(EventSourcingException::class.java)
          .hasMessageContaining("decides commands of type " + WorldCommand::class.java.name)
      assertThatThrownBy { app.execute(World, UUID.randomUUID(), WorldCommand.MakeItSo("trucks")) }
          .isInstanceOf(IllegalArgumentException::class.java)
          .hasMessage("there is no world to make it so in")
    }
  }

  @Test
  fun aDecisionOnAStaleStateConflictsAndSavesNothing() {
    Universe(mapOf("PERSISTENCE_MODULE" to "memory")).use { app ->
      val id = UUID.randomUUID()
      val (created, _) = app.execute(World, id, WorldCommand.Create("Earth"))
      app.execute(World, id, WorldCommand.MakeItSo("dinosaurs"))

      assertThatThrownBy { app.save(World.execute(created, WorldCommand.MakeItSo("trucks"))) }
          .isInstanceOf(RecordConflictException::class.java)
      assertThat(app.getHistory(id)).containsExactly("dinosaurs")
    }
  }
}
