package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.get
import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.examples.kotlin.classic.Universe
import dev.eventsourcing.examples.kotlin.classic.World
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The README in Kotlin, in the style of a class extending `Aggregate` with a `when` in `apply`. */
class ClassicUniverseTest : ReadmeContract() {
  override fun universe(environment: Map<String, String>): Worlds = Universe(environment)

  override fun historyAt(app: Worlds, worldId: UUID, version: Int): List<String> =
      (app as Universe).repository().get<World>(worldId, version).history

  override fun saveStaleChange(app: Worlds, worldId: UUID, version: Int, what: String) {
    app as Universe
    val old = app.repository().get<World>(worldId, version)
    old.makeItSo(what)
    app.save(old)
  }

  @Test
  fun aggregates() {
    val world = World("Earth")
    assertThat(world.name).isEqualTo("Earth")
    assertThat(world.history).isEmpty()
    assertThat(world.id().version()).isEqualTo(4)

    world.makeItSo("dinosaurs")
    world.makeItSo("trucks")
    world.makeItSo("internet")
    assertThat(world.history).containsExactly("dinosaurs", "trucks", "internet")

    val events = world.collectEvents()
    assertThat(events.map { it.payload().javaClass.simpleName })
        .containsExactly("Created", "SomethingHappened", "SomethingHappened", "SomethingHappened")
    assertThat(events[0].topic()).endsWith(":World.Created")
    assertThat(events[1].topic()).endsWith(":World.SomethingHappened")

    var copy: World? = null
    for (event: DomainEvent<World.Event> in events) {
      copy = event.mutate(copy)
    }
    assertThat(copy!!.history).isEqualTo(world.history)
    assertThat(copy.id()).isEqualTo(world.id())
    assertThat(copy.version()).isEqualTo(world.version())
    assertThat(copy.createdOn()).isEqualTo(world.createdOn())
    assertThat(copy.modifiedOn()).isEqualTo(world.modifiedOn())
  }
}
