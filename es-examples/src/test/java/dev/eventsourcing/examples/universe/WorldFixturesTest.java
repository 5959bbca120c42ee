package dev.eventsourcing.examples.universe;

import static dev.eventsourcing.testing.AggregateFixture.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.examples.orders.Order;
import dev.eventsourcing.examples.orders.Reservation;
import dev.eventsourcing.examples.orders.Orders;
import dev.eventsourcing.examples.orders.Reservations;
import dev.eventsourcing.testing.ProcessFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's World, and the orders example's process applications, tested with the given/when/then fixtures. */
class WorldFixturesTest {
  @Test
  void aNewWorldIsCreated() {
    World world = given(World.class)
        .whenCreated(() -> new World("Earth"))
        .then(new World.Created("Earth"));

    assertThat(world.name()).isEqualTo("Earth");
  }

  @Test
  void somethingHappensInAWorld() {
    World world = given(World.class, new World.Created("Earth"), new World.SomethingHappened("dinosaurs"))
        .when(w -> {
          w.makeItSo("trucks");
          w.makeItSo("internet");
        })
        .then(new World.SomethingHappened("trucks"), new World.SomethingHappened("internet"));

    assertThat(world.history()).containsExactly("dinosaurs", "trucks", "internet");
    assertThat(world.version()).isEqualTo(4);
  }

  @Test
  void aFailedExpectationListsTheExpectedAndTheActualEvents() {
    var outcome = given(World.class, new World.Created("Earth")).when(w -> w.makeItSo("truck"));

    assertThatThrownBy(() -> outcome.then(new World.SomethingHappened("trucks")))
        .isInstanceOf(AssertionError.class)
        .hasMessage("""
            the command on World (given 1 events) made other events than expected.
            Expected: 1 event:
              1. SomethingHappened[what=trucks]
            Actual: 1 event:
              1. SomethingHappened[what=truck]
            The first difference is event 1: expected SomethingHappened[what=trucks] but was \
            SomethingHappened[what=truck].""");
    assertThatThrownBy(outcome::thenNothing).hasMessageContaining("Expected: 0 events\n")
        .hasMessageContaining("then 1 event more");
    assertThatThrownBy(() -> outcome.thenThrows(IllegalStateException.class))
        .hasMessageContaining("threw nothing; expected java.lang.IllegalStateException")
        .hasMessageContaining("1. SomethingHappened[what=truck]");
  }

  @Test
  void aCommandThatThrowsIsItsOutcome() {
    var outcome = given(World.class, new World.Created("Earth")).when(w -> {
      throw new IllegalStateException("no more room on Earth");
    });

    assertThat(outcome.thenThrows(IllegalStateException.class)).hasMessage("no more room on Earth");
    assertThatThrownBy(() -> outcome.then(new World.SomethingHappened("trucks")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("threw java.lang.IllegalStateException: no more room on Earth")
        .hasMessageContaining("1. SomethingHappened[what=trucks]")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> outcome.thenThrows(IllegalArgumentException.class))
        .hasMessageContaining("expected java.lang.IllegalArgumentException");
  }

  @Test
  void givenEventsThatCantBeAppliedAreRefusedNamingTheEvent() {
    assertThatThrownBy(() -> given(World.class, new World.Created("Earth"), new Order.Created("book")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("given event 2 of World, Created[item=book], can't be applied");
  }

  @Test
  void aProcessApplicationsPolicyCollectsTheseEvents() {
    try (ProcessFixture<Reservations> reservations = ProcessFixture.of(Orders.class, Reservations.class)) {
      UUID book = UUID.randomUUID();
      UUID pen = UUID.randomUUID();
      reservations.given(book, new Order.Created("book"))
          .when(pen, new Order.Created("pen"))
          .then(new Reservation.Created(pen));

      assertThat(reservations.application().recorder().maxTrackingId("Orders")).isEqualTo(2L);
    }
  }

  @Test
  void aPolicyThatThrowsIsItsOutcome() {
    try (ProcessFixture<Orders> orders = ProcessFixture.of(Reservations.class, Orders.class)) {
      UUID unknownOrder = UUID.randomUUID();

      orders.when(UUID.randomUUID(), new Reservation.Created(unknownOrder))
          .thenThrows(AggregateNotFoundException.class);
    }
  }
}
