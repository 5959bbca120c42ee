package dev.eventsourcing.examples.kotlin.decider

import dev.eventsourcing.domain.aggregate

/** A world's state: an immutable value. */
data class WorldState(val name: String, val history: List<String> = emptyList())

/** What can be asked of worlds. */
sealed interface WorldCommand {
  data class Create(val name: String) : WorldCommand

  data class MakeItSo(val what: String) : WorldCommand
}

/** What happens to worlds. */
sealed interface WorldEvent {
  data class Created(val name: String) : WorldEvent

  data class SomethingHappened(val what: String) : WorldEvent
}

/** The reference README's aggregate as a decider: commands decide events, events evolve the state. */
val World = aggregate<WorldState, WorldEvent>("World") {
  created { e: WorldEvent.Created -> WorldState(e.name) }
  evolve { state, event ->
    when (event) {
      is WorldEvent.Created -> state
      is WorldEvent.SomethingHappened -> state.copy(history = state.history + event.what)
    }
  }
  decide { command: WorldCommand, state ->
    when (command) {
      is WorldCommand.Create ->
          if (state == null) listOf(WorldEvent.Created(command.name)) else emptyList()
      is WorldCommand.MakeItSo -> {
        requireNotNull(state) { "there is no world to make it so in" }
        listOf(WorldEvent.SomethingHappened(command.what))
      }
    }
  }
}
