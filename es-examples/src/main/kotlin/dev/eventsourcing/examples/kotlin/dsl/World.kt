package dev.eventsourcing.examples.kotlin.dsl

import dev.eventsourcing.domain.aggregate

/** A world's state: an immutable value. */
data class WorldState(val name: String, val history: List<String> = emptyList())

/** What happens to worlds. */
sealed interface WorldEvent {
  data class Created(val name: String) : WorldEvent

  data class SomethingHappened(val what: String) : WorldEvent
}

/** The reference README's aggregate as immutable state evolved by events. */
val World = aggregate<WorldState, WorldEvent>("World") {
  created { e: WorldEvent.Created -> WorldState(e.name) }
  evolve { state, event ->
    when (event) {
      is WorldEvent.Created -> state
      is WorldEvent.SomethingHappened -> state.copy(history = state.history + event.what)
    }
  }
}
