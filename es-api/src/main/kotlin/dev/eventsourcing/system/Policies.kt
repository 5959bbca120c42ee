package dev.eventsourcing.system

import dev.eventsourcing.domain.Changed
import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.domain.EventSourcingException

/**
 * Collects the new events of commands on immutable aggregates (an `aggregate { }` type's [Changed]), to be
 * recorded with this processing, atomically with its tracking record: `processing.collectEvents(changed)`.
 */
fun ProcessingEvent.collectEvents(vararg changes: Changed<*, *>) {
  for (changed in changes) {
    collectEvents(changed.events)
  }
}

/** Marks the policies builder, so its functions are not called on an outer builder by mistake. */
@DslMarker
annotation class PoliciesDsl

/**
 * A process application's policy as typed handlers, one per upstream payload type, made by [policies]. It gives
 * an upstream event to the first handler, in the order they were declared, whose type the payload is an instance
 * of, as a `DomainEvent` of that type; it ignores an event no handler takes, as a policy does with events it has no
 * use for. A process application calls it from its `policy`:
 * `override fun policy(event: DomainEvent<*>, processing: ProcessingEvent) = policies(event, processing)`.
 */
class Policies @PublishedApi internal constructor(private val handlers: List<Handler<*>>) {
  @PublishedApi
  internal class Handler<P : Any>(val type: Class<P>, val handle: (DomainEvent<P>, ProcessingEvent) -> Unit)

  /** Gives the event to its handler, if any. */
  operator fun invoke(event: DomainEvent<*>, processing: ProcessingEvent) {
    val handler = handlers.firstOrNull { it.type.isInstance(event.payload()) } ?: return
    handler.process(event, processing)
  }

  private fun <P : Any> Handler<P>.process(event: DomainEvent<*>, processing: ProcessingEvent) {
    @Suppress("UNCHECKED_CAST") // the payload is an instance of P: checked above
    handle(event as DomainEvent<P>, processing)
  }
}

/** Collects the handlers of [Policies]; see [policies]. */
@PoliciesDsl
class PoliciesBuilder @PublishedApi internal constructor() {
  @PublishedApi internal val handlers = mutableListOf<Policies.Handler<*>>()

  /**
   * How the policy turns an upstream event whose payload is a [P] into new events, which it collects with
   * `processing.collectEvents`. [P] may be a payload class or a sealed interface of several.
   *
   * @throws EventSourcingException if a handler for [P] was declared already
   */
  inline fun <reified P : Any> on(noinline handle: (event: DomainEvent<P>, processing: ProcessingEvent) -> Unit) {
    add(Policies.Handler(P::class.java, handle))
  }

  @PublishedApi
  internal fun add(handler: Policies.Handler<*>) {
    if (handlers.any { it.type == handler.type }) {
      throw EventSourcingException("the policies have two handlers for ${handler.type.name}")
    }
    handlers += handler
  }

  @PublishedApi internal fun build(): Policies = Policies(handlers.toList())
}

/**
 * A process application's policy declared as typed handlers:
 *
 * ```
 * private val policies = policies {
 *   on<World.Created> { event, processing -> processing.collectEvents(Chronicle.create(...)) }
 *   on<World.SomethingHappened> { event, processing -> ... }
 * }
 *
 * override fun policy(event: DomainEvent<*>, processing: ProcessingEvent) = policies(event, processing)
 * ```
 */
inline fun policies(define: PoliciesBuilder.() -> Unit): Policies = PoliciesBuilder().apply(define).build()
