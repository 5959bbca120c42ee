package dev.eventsourcing.application

import dev.eventsourcing.domain.Aggregate
import java.util.UUID

/**
 * The current state of an aggregate of class [A]: `repository.get<World>(id)`.
 *
 * @throws AggregateNotFoundException if nothing is stored for the id
 * @throws dev.eventsourcing.domain.EventSourcingException if the aggregate is of another class, naming the id and
 *   both classes
 */
inline fun <reified A : Aggregate<*>> Repository.get(id: UUID): A = get(id, A::class.java)

/**
 * The state of an aggregate of class [A] at a version: `repository.get<World>(id, 2)`.
 *
 * @throws AggregateNotFoundException if nothing is stored for the id up to that version
 * @throws dev.eventsourcing.domain.EventSourcingException if the aggregate is of another class, naming the id and
 *   both classes
 */
inline fun <reified A : Aggregate<*>> Repository.get(id: UUID, version: Int): A = get(id, version, A::class.java)

/**
 * The state of an aggregate of class [A] (at [version], or its current state when `null`), or `null` if nothing is
 * stored for the id up to that version: `repository.getOrNull<World>(id) ?: return`.
 *
 * @throws dev.eventsourcing.domain.EventSourcingException if the aggregate is of another class
 * @throws AggregateErasedException if the aggregate's data subject was forgotten
 */
inline fun <reified A : Aggregate<*>> Repository.getOrNull(id: UUID, version: Int? = null): A? =
    try {
      if (version == null) get(id, A::class.java) else get(id, version, A::class.java)
    } catch (e: AggregateNotFoundException) {
      null
    }
