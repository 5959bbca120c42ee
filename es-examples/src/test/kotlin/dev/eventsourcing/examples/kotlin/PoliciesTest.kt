package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.domain.DomainEvent
import dev.eventsourcing.domain.EventSourcingException
import dev.eventsourcing.domain.Topics
import dev.eventsourcing.examples.kotlin.classic.World
import dev.eventsourcing.persistence.Tracking
import dev.eventsourcing.system.ProcessingEvent
import dev.eventsourcing.system.policies
import java.time.Instant
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** Typed handlers: the first that takes the payload's type gets the event, typed; others are ignored. */
class PoliciesTest {
  private val processing = ProcessingEvent(Tracking("Universe", 1))

  @Test
  fun theFirstHandlerOfThePayloadsTypeGetsTheTypedEvent() {
    val seen = mutableListOf<String>()
    val policies = policies {
      on<World.SomethingHappened> { event, _ -> seen += "happened: " + event.payload.what }
      on<World.Event> { event, _ -> seen += "any: " + event.payload }
    }

    policies(event(World.SomethingHappened("trucks")), processing)
    policies(event(World.Created("Earth")), processing)

    assertThat(seen).containsExactly("happened: trucks", "any: Created(name=Earth)")
  }

  @Test
  fun anEventNoHandlerTakesIsIgnored() {
    val seen = mutableListOf<World.Created>()
    val policies = policies { on<World.Created> { event, _ -> seen += event.payload } }

    policies(event(World.SomethingHappened("trucks")), processing)

    assertThat(seen).isEmpty()
  }

  @Test
  fun twoHandlersOfOneTypeAreRefused() {
    assertThatThrownBy {
      policies {
        on<World.Created> { _, _ -> }
        on<World.Created> { _, _ -> }
      }
    }.isInstanceOf(EventSourcingException::class.java).hasMessageContaining(World.Created::class.java.name)
  }

  private fun event(payload: World.Event): DomainEvent<World.Event> =
      DomainEvent(UUID.randomUUID(), 1, Instant.now(), Topics.of(payload.javaClass), payload, null)
}
