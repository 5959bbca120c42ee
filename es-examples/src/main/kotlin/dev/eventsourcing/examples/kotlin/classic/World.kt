package dev.eventsourcing.examples.kotlin.classic

import dev.eventsourcing.domain.Aggregate

/** The reference README's aggregate as a Kotlin class: events as a sealed interface of data classes. */
class World private constructor() : Aggregate<World.Event>() {
  sealed interface Event

  data class Created(val name: String) : Event

  data class SomethingHappened(val what: String) : Event

  var name: String = ""
    private set

  private val happened = mutableListOf<String>()

  val history: List<String>
    get() = happened.toList()

  constructor(name: String) : this() {
    trigger(Created(name))
  }

  fun makeItSo(what: String) = trigger(SomethingHappened(what))

  override fun apply(event: Event) {
    when (event) {
      is Created -> name = event.name
      is SomethingHappened -> happened += event.what
    }
  }
}
