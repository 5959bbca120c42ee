package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.Application
import dev.eventsourcing.application.AggregateNotFoundException
import dev.eventsourcing.application.get
import dev.eventsourcing.application.getOrNull
import dev.eventsourcing.domain.Aggregate
import dev.eventsourcing.domain.EventSourcingException
import dev.eventsourcing.domain.id
import dev.eventsourcing.domain.version
import dev.eventsourcing.examples.kotlin.classic.Universe
import dev.eventsourcing.examples.kotlin.classic.World
import dev.eventsourcing.examples.kotlin.system.Historian
import dev.eventsourcing.system.SingleThreadedRunner
import dev.eventsourcing.system.get
import dev.eventsourcing.system.notifications
import dev.eventsourcing.system.system
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test

/** An aggregate of another class than [World]. */
class Moon private constructor() : Aggregate<Moon.Event>() {
  sealed interface Event

  data class Formed(val name: String) : Event

  constructor(name: String) : this() {
    trigger(Formed(name))
  }

  override fun apply(event: Event) {
    when (event) {
      is Formed -> Unit
    }
  }
}

/** Every reified form checks the class it is given, and the accessors read as properties. */
class ReifiedCallsTest {
  private val app = Application.builder(Application::class.java)
      .environment(mapOf("PERSISTENCE_MODULE" to "memory"))
      .types(World::class.java, Moon::class.java)
      .build()
  private val world = World("Earth").apply {
    makeItSo("dinosaurs")
    makeItSo("trucks")
  }
  private val moon = Moon("Luna")

  init {
    app.save(world, moon)
  }

  @AfterEach
  fun close() = app.close()

  @Test
  fun eachFormReturnsTheAggregateOfItsClass() {
    assertThat(app.repository().get<World>(world.id).history).containsExactly("dinosaurs", "trucks")
    assertThat(app.repository().get<World>(world.id, 2).history).containsExactly("dinosaurs")
    assertThat(app.repository().get<World>(world.id, version = 2).version).isEqualTo(2)
    assertThat(app.repository().getOrNull<World>(world.id)?.version).isEqualTo(3)
    assertThat(app.repository().getOrNull<World>(world.id, version = 1)?.history).isEmpty()
  }

  @Test
  fun eachFormRefusesAnAggregateOfAnotherClassNamingTheIdAndBothClasses() {
    val calls: List<() -> Any?> = listOf(
        { app.repository().get<World>(moon.id) },
        { app.repository().get<World>(moon.id, 1) },
        { app.repository().get<World>(moon.id, version = 1) },
        { app.repository().getOrNull<World>(moon.id) },
    )
    for (call in calls) {
      assertThatThrownBy { call() }
          .isExactlyInstanceOf(EventSourcingException::class.java)
          .hasMessageContaining(moon.id.toString())
          .hasMessageContaining(Moon::class.java.name)
          .hasMessageContaining("not a " + World::class.java.name)
    }
  }

  @Test
  fun getOrNullIsNullForAnUnknownIdOrVersionAndGetIsNotFound() {
    val unknown = UUID.randomUUID()

    assertThat(app.repository().getOrNull<World>(unknown)).isNull()
    assertThat(app.repository().getOrNull<World>(unknown, version = 1)).isNull()
    assertThatThrownBy { app.repository().get<World>(unknown) }.isInstanceOf(AggregateNotFoundException::class.java)
  }

  @Test
  fun eventsAndNotificationsReadAsProperties() {
    val events = app.events().get(world.id, null, null, false, null)
    assertThat(events.map { it.originatorVersion }).containsExactly(1, 2, 3)
    assertThat(events.map { it.originatorId }.toSet()).containsExactly(world.id)
    assertThat(events.last().payload).isEqualTo(World.SomethingHappened("trucks"))
    assertThat(app.log().notifications().map { it.id }.toList()).containsExactly(1L, 2L, 3L, 4L)
  }

  @Test
  fun theRunnerGivesItsApplicationsByReifiedClass() {
    val runner = SingleThreadedRunner(system { pipe(Universe::class, Historian::class) },
        mapOf("PERSISTENCE_MODULE" to "memory"))
    runner.start()
    try {
      val earth = runner.get<Universe>().createWorld("Earth")
      assertThat(runner.get<Historian>().chronicle(earth)).isEmpty()
      assertThat(runner.get<Universe>().getHistory(earth)).isEmpty()
      assertThatThrownBy { runner.get<Application>() }.isInstanceOf(IllegalArgumentException::class.java)
    } finally {
      runner.stop()
    }
  }
}
