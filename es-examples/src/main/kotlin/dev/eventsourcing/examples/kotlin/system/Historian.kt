package dev.eventsourcing.examples.kotlin.system

import dev.eventsourcing.application.get
import dev.eventsourcing.application.getOrNull
import dev.eventsourcing.domain.DecodableTypes
import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.domain.aggregate
import dev.eventsourcing.examples.kotlin.classic.World
import dev.eventsourcing.system.ProcessApplication
import dev.eventsourcing.system.ProcessingEvent
import dev.eventsourcing.system.collectEvents
import dev.eventsourcing.system.policies
import java.util.UUID

/** What a historian has written down about one world. */
data class ChronicleState(val title: String, val entries: List<String> = emptyList()) {
  val lines: List<String>
    get() = entries.map { "$title: $it" }
}

/** What happens to chronicles. */
sealed interface ChronicleEvent {
  data class Opened(val name: String) : ChronicleEvent

  data class Entered(val what: String) : ChronicleEvent
}

/** The chronicle of a world, an `aggregate { }` type with the world's own id. */
val Chronicle = aggregate<ChronicleState, ChronicleEvent>("Chronicle") {
  created { e: ChronicleEvent.Opened -> ChronicleState(e.name) }
  evolve { state, event ->
    when (event) {
      is ChronicleEvent.Opened -> state
      is ChronicleEvent.Entered -> state.copy(entries = state.entries + event.what)
    }
  }
}

/** A process application in Kotlin: it follows a Universe and keeps a chronicle of each world. */
class Historian(environment: Map<String, String> = emptyMap()) : ProcessApplication(environment) {
  private val policies = policies {
    on<World.Created> { event, processing ->
      processing.collectEvents(Chronicle.create(ChronicleEvent.Opened(event.payload.name), event.originatorId))
    }
    on<World.SomethingHappened> { event, processing ->
      val chronicle = repository().get(event.originatorId, Chronicle)
      processing.collectEvents(Chronicle.trigger(chronicle, ChronicleEvent.Entered(event.payload.what)))
    }
  }

  override fun policy(event: DomainEvent<*>, processing: ProcessingEvent) = policies(event, processing)

  override fun types(): DecodableTypes = Chronicle.types

  /** The chronicle of a world, empty until the historian has heard of it. */
  fun chronicle(worldId: UUID): List<String> = repository().getOrNull(worldId, Chronicle)?.state?.lines.orEmpty()
}
