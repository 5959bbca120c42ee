package dev.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AggregateTest {
  static final class Dog extends Aggregate<Dog.Event> {
    sealed interface Event permits Registered, TrickAdded {}

    record Registered(String name) implements Event {}

    record TrickAdded(String trick) implements Event {}

    private String name = "";
    private final List<String> tricks = new ArrayList<>();

    private Dog() {}

    Dog(String name) {
      trigger(new Registered(name));
    }

    void addTrick(String trick) {
      trigger(new TrickAdded(trick));
    }

    @Override
    protected void apply(Event event) {
      if (event instanceof Registered registered) {
        name = registered.name();
      } else if (event instanceof TrickAdded added) {
        if (added.trick().isBlank()) {
          throw new IllegalArgumentException("a trick needs a name");
        }
        tricks.add(added.trick());
      } else {
        throw new IllegalArgumentException("unexpected event " + event);
      }
    }
  }

  static final class NamedById extends Aggregate<NamedById.Created> {
    record Created(UUID id) {}

    private NamedById() {}

    NamedById(UUID id) {
      trigger(new Created(id));
    }

    @Override
    protected UUID createId(Created payload) {
      return payload.id();
    }

    @Override
    protected void apply(Created payload) {}
  }

  static final class WithoutReplayConstructor extends Aggregate<Dog.Registered> {
    WithoutReplayConstructor(String name) {
      trigger(new Dog.Registered(name));
    }

    @Override
    protected void apply(Dog.Registered payload) {}
  }

  @Test
  void theFirstEventGivesIdVersionAndTimestamps() {
    Dog dog = new Dog("Fido");

    assertThat(dog.id()).isNotNull();
    assertThat(dog.id().version()).isEqualTo(4);
    assertThat(dog.version()).isEqualTo(1);
    assertThat(dog.createdOn()).isEqualTo(dog.modifiedOn());
    assertThat(dog.createdOn()).isEqualTo(dog.createdOn().truncatedTo(ChronoUnit.MICROS));
    assertThat(dog.name).isEqualTo("Fido");
  }

  @Test
  void laterEventsAddOneToTheVersionAndMoveModifiedOn() {
    Dog dog = new Dog("Fido");
    dog.addTrick("roll over");
    dog.addTrick("play dead");

    assertThat(dog.version()).isEqualTo(3);
    assertThat(dog.tricks).containsExactly("roll over", "play dead");
    assertThat(dog.modifiedOn()).isAfterOrEqualTo(dog.createdOn());
    assertThat(dog.pendingEvents()).extracting(DomainEvent::originatorVersion).containsExactly(1, 2, 3);
  }

  @Test
  void eventsCarryTheEnvelopeAndTheTopicOfTheirPayload() {
    Dog dog = new Dog("Fido");
    DomainEvent<Dog.Event> event = dog.collectEvents().get(0);

    assertThat(event.originatorId()).isEqualTo(dog.id());
    assertThat(event.originatorVersion()).isEqualTo(1);
    assertThat(event.timestamp()).isEqualTo(dog.createdOn());
    assertThat(event.topic()).isEqualTo("dev.eventsourcing.domain:AggregateTest.Dog.Registered");
    assertThat(event.payload()).isEqualTo(new Dog.Registered("Fido"));
    assertThat(event.originatorType()).isEqualTo(Dog.class);
  }

  @Test
  void collectEventsReturnsThePendingEventsAndForgetsThem() {
    Dog dog = new Dog("Fido");
    dog.addTrick("sit");

    assertThat(dog.collectEvents()).hasSize(2);
    assertThat(dog.collectEvents()).isEmpty();
    assertThat(dog.pendingEvents()).isEmpty();
  }

  @Test
  void mutatingFromNullRebuildsAnEqualAggregate() {
    Dog dog = new Dog("Fido");
    dog.addTrick("sit");
    dog.addTrick("stay");

    Dog copy = null;
    for (DomainEvent<Dog.Event> event : dog.collectEvents()) {
      copy = event.mutate(copy);
    }

    assertThat(copy).isNotSameAs(dog);
    assertThat(copy.id()).isEqualTo(dog.id());
    assertThat(copy.version()).isEqualTo(dog.version());
    assertThat(copy.createdOn()).isEqualTo(dog.createdOn());
    assertThat(copy.modifiedOn()).isEqualTo(dog.modifiedOn());
    assertThat(copy.name).isEqualTo(dog.name);
    assertThat(copy.tricks).isEqualTo(dog.tricks);
    assertThat(copy.pendingEvents()).isEmpty();
  }

  @Test
  void anEventThatFailsToApplyIsNotRecordedAndLeavesIdVersionAndTimestamps() {
    Dog dog = new Dog("Fido");
    dog.collectEvents();
    var modifiedOn = dog.modifiedOn();

    assertThatThrownBy(() -> dog.addTrick(" ")).isInstanceOf(IllegalArgumentException.class);

    assertThat(dog.version()).isEqualTo(1);
    assertThat(dog.modifiedOn()).isEqualTo(modifiedOn);
    assertThat(dog.pendingEvents()).isEmpty();
    dog.addTrick("sit");
    assertThat(dog.version()).isEqualTo(2);
  }

  @Test
  void eventsMustBeAppliedInVersionOrder() {
    Dog dog = new Dog("Fido");
    dog.addTrick("sit");
    dog.addTrick("stay");
    List<DomainEvent<Dog.Event>> events = dog.collectEvents();

    Dog first = events.get(0).mutate(null);
    assertThatThrownBy(() -> events.get(2).mutate(first))
        .isInstanceOf(OriginatorVersionException.class)
        .hasMessageContaining(dog.id().toString())
        .hasMessageContaining("expected version 2");
    assertThatThrownBy(() -> events.get(1).mutate(null))
        .isInstanceOf(OriginatorVersionException.class)
        .hasMessageContaining("only the first event");
  }

  @Test
  void eventsOfAnotherAggregateAreRefused() {
    Dog fido = new Dog("Fido");
    Dog rex = new Dog("Rex");
    rex.addTrick("sit");
    Dog rebuiltFido = fido.collectEvents().get(0).mutate(null);
    DomainEvent<Dog.Event> rexTrick = rex.collectEvents().get(1);

    assertThatThrownBy(() -> rexTrick.mutate(rebuiltFido))
        .isInstanceOf(OriginatorIdException.class)
        .hasMessageContaining(rex.id().toString())
        .hasMessageContaining(fido.id().toString());
  }

  @Test
  void createIdCanBeOverridden() {
    UUID id = UUID.randomUUID();

    assertThat(new NamedById(id).id()).isEqualTo(id);
  }

  @Test
  void replayNeedsANoArgumentConstructor() {
    var event = new WithoutReplayConstructor("Fido").collectEvents().get(0);

    assertThatThrownBy(() -> event.mutate(null))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining(WithoutReplayConstructor.class.getName())
        .hasMessageContaining("no-argument constructor");
  }

  @Test
  void anAggregateWithoutEventsHasNoId() {
    assertThatThrownBy(() -> Aggregates.newInstance(Dog.class).id())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before its first event");
  }
}
