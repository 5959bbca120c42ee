package dev.eventsourcing.testing

import dev.eventsourcing.domain.Aggregate
import dev.eventsourcing.domain.AggregateType
import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.domain.Topics
import dev.eventsourcing.domain.Versioned
import dev.eventsourcing.system.ProcessApplication
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.UUID

/** Kotlin's `given<World>(World.Created("Earth"))`: an [AggregateFixture] of the aggregate class [A]. */
inline fun <reified A : Aggregate<*>> given(vararg events: Any): AggregateFixture<A> =
    AggregateFixture.given(A::class.java, *events)

/** Runs a command on the fixture's aggregate: [AggregateFixture.when], as `when` is a keyword in Kotlin. */
fun <A : Aggregate<*>> AggregateFixture<A>.whenever(command: (A) -> Unit): Outcome<A> = `when` { command(it) }

/** Processes one more upstream event: [ProcessFixture.when], as `when` is a keyword in Kotlin. */
fun <P : ProcessApplication> ProcessFixture<P>.whenever(originatorId: UUID, payload: Any): Outcome<P> =
    `when`(originatorId, payload)

/** Checks that the "when" threw an [X], or an exception caused by one, and returns it: [Outcome.thenThrows]. */
inline fun <reified X : Throwable> Outcome<*>.thenThrows(): X = thenThrows(X::class.java)

/**
 * A given/when/then test of an `aggregate { }` type with a `decide { }` block, without a store: given its earlier
 * events (none for an aggregate that does not exist yet), when a command, then the events it decides, or the
 * exception it throws.
 *
 * ```
 * given(World, WorldEvent.Created("Earth"))
 *     .whenever(WorldCommand.MakeItSo("dinosaurs"))
 *     .then(WorldEvent.SomethingHappened("dinosaurs"))
 * ```
 *
 * @throws IllegalArgumentException if an event can't be applied, naming it
 */
fun <S : Any, E : Any> given(type: AggregateType<S, E>, vararg events: E): DeciderFixture<S, E> {
  val id = UUID.randomUUID()
  val now = Instant.now().truncatedTo(ChronoUnit.MICROS)
  var state: Versioned<S>? = null
  events.forEachIndexed { i, payload ->
    val event = DomainEvent<Any>(id, i + 1, now, Topics.of(payload.javaClass), payload, null)
    state = try {
      type.project(state, event)
    } catch (e: RuntimeException) {
      throw IllegalArgumentException("given event ${i + 1} of ${type.name}, $payload, can't be applied: $e", e)
    }
  }
  return DeciderFixture(type, id, events.size, state)
}

/** An `aggregate { }` type's state given its earlier events; see [given]. */
class DeciderFixture<S : Any, E : Any> internal constructor(
    private val type: AggregateType<S, E>,
    private val id: UUID,
    private val given: Int,
    private val state: Versioned<S>?,
) {
  /** Decides a command on the state; its outcome is the events decided, with the new state, or what it threw. */
  fun whenever(command: Any): Outcome<Versioned<S>> {
    val what = "the command $command on ${type.name} (given $given events)"
    val changed = try {
      type.execute(state, command, id)
    } catch (e: RuntimeException) {
      return Outcome.threw(what, e)
    }
    return Outcome.made(what, changed.events.map { it.payload }, changed.aggregate)
  }
}
