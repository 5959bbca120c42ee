package dev.eventsourcing.application

import dev.eventsourcing.domain.AggregateType
import dev.eventsourcing.domain.Changed
import dev.eventsourcing.domain.Versioned
import java.util.UUID

/**
 * Saves the new events of commands on immutable aggregates atomically: all or none.
 *
 * @throws dev.eventsourcing.persistence.RecordConflictException if another save recorded one of the versions first
 */
fun Application.save(vararg changes: Changed<*, *>): List<Long> = saveEvents(changes.flatMap { it.events })

/**
 * The state of an aggregate defined with [dev.eventsourcing.domain.aggregate], up to [version] (all its events when
 * `null`).
 *
 * @throws AggregateNotFoundException if nothing is stored for the id up to that version
 */
fun <S : Any, E : Any> Repository.get(id: UUID, type: AggregateType<S, E>, version: Int? = null): Versioned<S> =
    get(id, version, type)

/**
 * The state of an aggregate defined with [dev.eventsourcing.domain.aggregate], up to [version] (all its events when
 * `null`), or `null` if nothing is stored for the id up to that version.
 *
 * @throws AggregateErasedException if the aggregate's data subject was forgotten
 */
fun <S : Any, E : Any> Repository.getOrNull(id: UUID, type: AggregateType<S, E>, version: Int? = null): Versioned<S>? =
    try {
      get(id, version, type)
    } catch (e: AggregateNotFoundException) {
      null
    }

/**
 * Executes a command on an aggregate defined with a `decide { }` block, in one call: loads its current state (none
 * if nothing is stored for [id]), decides the command's events, saves them atomically, and returns the new state
 * with the events. A command that decides no event saves nothing.
 *
 * @throws dev.eventsourcing.persistence.RecordConflictException if another save recorded the next version first:
 *   nothing was saved, and executing the command again decides it on the newer state
 * @throws dev.eventsourcing.domain.EventSourcingException if the command is not of the aggregate's command type, or
 *   decides no event for an aggregate that does not exist yet
 */
fun <S : Any, E : Any> Application.execute(type: AggregateType<S, E>, id: UUID, command: Any): Changed<S, E> {
  val current = repository().getOrNull(id, type)
  val changed = type.execute(current, command, id)
  save(changed)
  return changed
}
