package dev.eventsourcing.examples.kotlin.system

import dev.eventsourcing.application.get
import dev.eventsourcing.application.getOrNull
import dev.eventsourcing.domain.Aggregate
import dev.eventsourcing.domain.DecodableTypes
import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.examples.kotlin.classic.World
import dev.eventsourcing.system.ProcessApplication
import dev.eventsourcing.system.ProcessingEvent
import java.util.UUID

/** What a historian writes down about one world: an aggregate with the world's own id. */
class Chronicle private constructor() : Aggregate<Chronicle.Event>() {
  sealed interface Event

  data class Opened(val worldId: UUID, val name: String) : Event

  data class Entered(val what: String) : Event

  var title: String = ""
    private set

  private val entries = mutableListOf<String>()

  val lines: List<String>
    get() = entries.map { "$title: $it" }

  constructor(worldId: UUID, name: String) : this() {
    trigger(Opened(worldId, name))
  }

  fun enter(what: String) = trigger(Entered(what))

  override fun createId(payload: Event): UUID = (payload as Opened).worldId

  override fun apply(event: Event) {
    when (event) {
      is Opened -> title = event.name
      is Entered -> entries += event.what
    }
  }
}

/** A process application in Kotlin: it follows a Universe and keeps a chronicle of each world. */
class Historian(environment: Map<String, String> = emptyMap()) : ProcessApplication(environment) {
  override fun policy(event: DomainEvent<*>, processing: ProcessingEvent) {
    when (val payload = event.payload) {
      is World.Created -> processing.collectEvents(Chronicle(event.originatorId, payload.name))
      is World.SomethingHappened -> {
        val chronicle = repository().get<Chronicle>(event.originatorId)
        chronicle.enter(payload.what)
        processing.collectEvents(chronicle)
      }
    }
  }

  override fun types(): DecodableTypes = DecodableTypes.of(Chronicle::class.java)

  /** The chronicle of a world, empty until the historian has heard of it. */
  fun chronicle(worldId: UUID): List<String> = repository().getOrNull<Chronicle>(worldId)?.lines.orEmpty()
}
