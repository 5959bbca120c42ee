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
