package dev.eventsourcing.domain

import java.time.Instant
import java.util.UUID

// An aggregate's accessors as Kotlin properties: `world.id`, `world.version`. The records of the library
// (`DomainEvent`, `Notification`) need none: Kotlin reads their components as properties (`event.payload`,
// `event.originatorId`, `notification.id`).

/** The aggregate's id: [Aggregate.id]. */
val Aggregate<*>.id: UUID
  get() = id()

/** The version of the aggregate's last event: [Aggregate.version]. */
val Aggregate<*>.version: Int
  get() = version()

/** When the aggregate's first event happened: [Aggregate.createdOn]. */
val Aggregate<*>.createdOn: Instant
  get() = createdOn()

/** When the aggregate's last event happened: [Aggregate.modifiedOn]. */
val Aggregate<*>.modifiedOn: Instant
  get() = modifiedOn()
