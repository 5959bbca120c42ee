package dev.eventsourcing.application

import dev.eventsourcing.domain.Aggregate
import java.util.UUID

/**
 * The current state of an aggregate of class [A]: `repository.get<World>(id)`.
 *
 * @throws AggregateNotFoundException if nothing is stored for the id
 * @throws dev.eventsourcing.domain.EventSourcingException if the aggregate is of another class
 */
inline fun <reified A : Aggregate<*>> Repository.get(id: UUID): A = get(id, A::class.java)

/**
 * The state of an aggregate of class [A] at a version.
 *
 * @throws AggregateNotFoundException if nothing is stored for the id up to that version
 * @throws dev.eventsourcing.domain.EventSourcingException if the aggregate is of another class
 */
inline fun <reified A : Aggregate<*>> Repository.get(id: UUID, version: Int): A {
  val aggregate: Aggregate<*> = get(id, version)
  return aggregate as? A
      ?: throw dev.eventsourcing.domain.EventSourcingException(
          "aggregate $id is a ${aggregate.javaClass.name}, not a ${A::class.java.name}")
}
