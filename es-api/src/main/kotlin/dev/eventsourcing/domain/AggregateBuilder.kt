package dev.eventsourcing.domain

import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.UUID

/** Marks the aggregate builder, so its functions are not called on an outer builder by mistake. */
@DslMarker
annotation class AggregateDsl

/** An aggregate's state as an immutable value, with the id and the version of the events it was folded from. */
data class Versioned<out S>(val id: UUID, val version: Int, val state: S)

/**
 * What a command of an [AggregateType] returns: the aggregate's next state and the new events that lead to it,
 * which the application saves (`application.save(changed)`).
 */
class Changed<S, E : Any> internal constructor(val aggregate: Versioned<S>, val events: List<DomainEvent<E>>) {
  operator fun component1(): Versioned<S> = aggregate

  operator fun component2(): List<DomainEvent<E>> = events
}

/**
 * An aggregate written as an immutable state [S] and a sealed hierarchy of events [E]: how the first event creates
 * the state, how each later event evolves it and, if it has a `decide { }` block, which events a command decides
 * (a decider: `decide`, `evolve`, and the initial state from `created`). It is the repository's [Projector] of such
 * aggregates (`repository.get(id, World)`), and makes their new events ([create], [trigger], [decide]); an
 * application declares its event classes, [types], in its `types()`, and executes commands with
 * `application.execute(World, id, command)`. Made by [aggregate].
 */
class AggregateType<S : Any, E : Any> @PublishedApi internal constructor(
    val name: String,
    private val eventType: Class<E>,
    private val creation: (E) -> S,
    private val evolution: (S, E) -> S,
    private val decision: ((Any, S?) -> List<E>)?,
) : Projector<Versioned<S>> {
  /**
   * The payload types of this aggregate: the concrete classes of its sealed event type. An application that stores
   * the aggregate declares them in its `types()` (`override fun types() = World.types`).
   */
  val types: DecodableTypes = DecodableTypes.of(eventType)

  /** A new aggregate, from its first event: version 1 of a new id. */
  fun create(event: E, id: UUID = UUID.randomUUID()): Changed<S, E> {
    val first = domainEvent(id, 1, event)
    return Changed(Versioned(id, 1, creation(event)), listOf(first))
  }

  /** The aggregate after these events, and the events, each the next version. */
  fun trigger(aggregate: Versioned<S>, vararg events: E): Changed<S, E> = next(aggregate, events.asList())

  private fun next(aggregate: Versioned<S>, events: List<E>): Changed<S, E> {
    var next = aggregate
    val triggered = events.map { event ->
      next = Versioned(next.id, next.version + 1, evolution(next.state, event))
      domainEvent(next.id, next.version, event)
    }
    return Changed(next, triggered)
  }

  /**
   * The events a command decides, given the aggregate's current state, or `null` for an aggregate that does not
   * exist yet; its `decide { }` block does not change anything.
   *
   * @throws EventSourcingException if the aggregate has no `decide { }` block, or the command is not of its type
   */
  fun decide(command: Any, state: S?): List<E> {
    val decide = decision ?: throw EventSourcingException("aggregate $name has no decide { } block")
    return decide(command, state)
  }

  /**
   * The aggregate after the events that a command decides, and those events, each the next version; for an
   * aggregate that does not exist yet ([aggregate] `null`), its first event creates it with [id].
   *
   * @throws EventSourcingException if the command decides no event for an aggregate that does not exist yet
   */
  fun execute(aggregate: Versioned<S>?, command: Any, id: UUID = aggregate?.id ?: UUID.randomUUID()): Changed<S, E> {
    val decided = decide(command, aggregate?.state)
    if (aggregate != null) {
      return next(aggregate, decided)
    }
    val first = decided.firstOrNull()
        ?: throw EventSourcingException("command ${command.javaClass.name} decided no event, so it can't create a $name")
    val created = create(first, id)
    val rest = next(created.aggregate, decided.drop(1))
    return Changed(rest.aggregate, created.events + rest.events)
  }

  override fun project(state: Versioned<S>?, event: DomainEvent<*>): Versioned<S> {
    val payload = event.payload()
    if (!eventType.isInstance(payload)) {
      throw EventSourcingException("event ${event.topic()} of ${event.originatorId()} is not an event of $name")
    }
    val typed = eventType.cast(payload)
    if (state == null) {
      if (event.originatorVersion() != 1) {
        throw OriginatorVersionException("event of ${event.originatorId()} at version ${event.originatorVersion()}" +
            " can't start a $name: only the first event (version 1) can")
      }
      return Versioned(event.originatorId(), 1, creation(typed))
    }
    if (event.originatorId() != state.id) {
      throw OriginatorIdException("event of ${event.originatorId()} can't be applied to $name ${state.id}")
    }
    if (event.originatorVersion() != state.version + 1) {
      throw OriginatorVersionException("event of ${state.id} at version ${event.originatorVersion()} can't be" +
          " applied to $name at version ${state.version}")
    }
    return Versioned(state.id, event.originatorVersion(), evolution(state.state, typed))
  }

  private fun domainEvent(id: UUID, version: Int, event: E): DomainEvent<E> =
      DomainEvent(id, version, Instant.now().truncatedTo(ChronoUnit.MICROS), Topics.of(event.javaClass), event, null)
}

/** Collects the parts of an [AggregateType]; see [aggregate]. */
@AggregateDsl
class AggregateBuilder<S : Any, E : Any> @PublishedApi internal constructor(
    private val name: String,
    private val eventType: Class<E>,
) {
  @PublishedApi internal var creation: ((E) -> S)? = null
  private var evolution: ((S, E) -> S)? = null
  @PublishedApi internal var decision: ((Any, S?) -> List<E>)? = null

  /** How the first event, of type [C], creates the state. */
  inline fun <reified C : E> created(noinline create: (C) -> S) {
    creation = { event ->
      if (event !is C) {
        throw EventSourcingException("the first event of $this must be a ${C::class.java.name}, not ${event.javaClass.name}")
      }
      create(event)
    }
  }

  /** How each later event evolves the state: typically a `when` over the sealed events. */
  fun evolve(evolve: (S, E) -> S) {
    evolution = evolve
  }

  /**
   * Which events a command of type [C] (typically a sealed interface) decides, given the current state, or `null`
   * when the aggregate does not exist yet: typically a `when` over the commands. It must not change anything.
   */
  inline fun <reified C : Any> decide(noinline decide: (C, S?) -> List<E>) {
    decision = { command, state ->
      if (command !is C) {
        throw EventSourcingException("$this decides commands of type ${C::class.java.name}, not ${command.javaClass.name}")
      }
      decide(command, state)
    }
  }

  @PublishedApi
  internal fun build(): AggregateType<S, E> = AggregateType(
      name,
      eventType,
      creation ?: throw EventSourcingException("aggregate $name has no created { } block"),
      evolution ?: throw EventSourcingException("aggregate $name has no evolve { } block"),
      decision,
  )

  override fun toString(): String = "aggregate $name"
}

/**
 * Defines an aggregate as an immutable state [S] evolved by events [E] (a sealed interface of data classes):
 *
 * ```
 * val World = aggregate<WorldState, WorldEvent>("World") {
 *   created { e: WorldEvent.Created -> WorldState(e.name) }
 *   evolve { state, event ->
 *     when (event) {
 *       is WorldEvent.Created -> state
 *       is WorldEvent.SomethingHappened -> state.copy(history = state.history + event.what)
 *     }
 *   }
 * }
 * ```
 */
inline fun <S : Any, reified E : Any> aggregate(
    name: String,
    define: AggregateBuilder<S, E>.() -> Unit,
): AggregateType<S, E> = AggregateBuilder<S, E>(name, E::class.java).apply(define).build()
