package dev.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecodableTypesTest {
  static final class Ship extends Aggregate<Ship.Event> {
    sealed interface Event permits Launched, Renamed, Sunk {}

    record Launched(String name) implements Event {}

    @Topic("ship-renamed")
    record Renamed(String name) implements Event {}

    sealed interface Sunk extends Event permits Scuttled, Wrecked {}

    record Scuttled() implements Sunk {}

    record Wrecked(String where) implements Sunk {}

    private Ship() {}

    @Override
    protected void apply(Event payload) {}
  }

  /** A sealed event type whose payloads are top-level-like: permitted, but not nested in the aggregate. */
  static final class Boat extends Aggregate<BoatEvent> {
    private Boat() {}

    @Override
    protected void apply(BoatEvent payload) {}
  }

  static final class Truck extends Aggregate<Truck.Event> {
    sealed interface Event permits Cargo {}

    private Truck() {}

    @Override
    protected void apply(Event payload) {}
  }

  /** An aggregate whose event type is not sealed: its nested classes of that type are its payload types. */
  static final class Kite extends Aggregate<Kite.Event> {
    interface Event {}

    record Flown(int metres) implements Event {}

    record NotAnEvent(String value) {}

    private Kite() {}

    @Override
    protected void apply(Event payload) {}
  }

  record Standalone(String value) {}

  record Renamed2(String value) {}

  @Topic("ship-renamed")
  record Impostor(String name) {}

  interface Open {}

  @Test
  void anAggregateClassDeclaresItselfAndEveryPayloadItsSealedEventTypePermits() {
    DecodableTypes types = DecodableTypes.of(Ship.class);

    assertThat(types.resolve("dev.eventsourcing.domain:DecodableTypesTest.Ship")).isEqualTo(Ship.class);
    assertThat(types.resolve("dev.eventsourcing.domain:DecodableTypesTest.Ship.Launched"))
        .isEqualTo(Ship.Launched.class);
    assertThat(types.resolve("ship-renamed")).isEqualTo(Ship.Renamed.class);
    assertThat(types.classes())
        .containsExactlyInAnyOrder(Ship.class, Ship.Launched.class, Ship.Renamed.class, Ship.Scuttled.class,
            Ship.Wrecked.class);
  }

  @Test
  void payloadsOfASealedEventTypeOutsideTheAggregateOrNestedInItAreDeclared() {
    assertThat(DecodableTypes.of(Boat.class).resolve("dev.eventsourcing.domain:BoatEvent.Sailed"))
        .isEqualTo(BoatEvent.Sailed.class);
    assertThat(DecodableTypes.of(Truck.class).resolve("dev.eventsourcing.domain:Cargo")).isEqualTo(Cargo.class);
  }

  @Test
  void withoutASealedEventTypeTheAggregatesNestedEventClassesAreDeclared() {
    assertThat(DecodableTypes.of(Kite.class).classes()).containsExactlyInAnyOrder(Kite.class, Kite.Flown.class);
  }

  @Test
  void aSealedTypeDeclaresItsConcreteClassesAndAPlainClassItself() {
    DecodableTypes types = DecodableTypes.of(BoatEvent.class, Standalone.class);

    assertThat(types.classes()).containsExactlyInAnyOrder(BoatEvent.Sailed.class, Standalone.class);
    assertThat(types.declares(BoatEvent.class)).isFalse();
  }

  @Test
  void aTopicOfAnUndeclaredClassIsRefusedAndTheClassIsNotInitialised() {
    DecodableTypes types = DecodableTypes.of(Ship.class);

    assertThatThrownBy(() -> types.resolve("dev.eventsourcing.domain:HostilePayload"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("'dev.eventsourcing.domain:HostilePayload'")
        .hasMessageContaining("types()");
    assertThat(HostilePayload.Initialised.FLAG).isFalse();
    assertThatThrownBy(() -> types.resolve("dev.eventsourcing.domain:DecodableTypesTest.Standalone"))
        .isInstanceOf(TopicException.class);
    assertThatThrownBy(() -> types.resolve("dev.eventsourcing.domain:DecodableTypesTest.Boat"))
        .isInstanceOf(TopicException.class);
    assertThatThrownBy(() -> types.resolve("java.lang:Runtime")).isInstanceOf(TopicException.class);
    assertThatThrownBy(() -> DecodableTypes.none().resolve("ship-renamed")).isInstanceOf(TopicException.class);
  }

  @Test
  void anAliasKeepsTheOldTopicOfARenamedClassLoading() {
    DecodableTypes types = DecodableTypes.builder().alias("dev.old.package:Renamed", Renamed2.class).build();

    assertThat(types.resolve("dev.old.package:Renamed")).isEqualTo(Renamed2.class);
    assertThat(types.resolve(Topics.of(Renamed2.class))).isEqualTo(Renamed2.class);
    assertThatThrownBy(() -> DecodableTypes.builder().alias(" ", Renamed2.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void typesCombineWithTheirAliases() {
    DecodableTypes renamed = DecodableTypes.builder().alias("dev.old.package:Renamed", Renamed2.class).build();

    DecodableTypes both = DecodableTypes.of(Ship.class).and(renamed);

    assertThat(both.resolve("dev.old.package:Renamed")).isEqualTo(Renamed2.class);
    assertThat(both.resolve("ship-renamed")).isEqualTo(Ship.Renamed.class);
    assertThat(DecodableTypes.of(Ship.class).and(DecodableTypes.of(Ship.class)).classes()).hasSize(5);
  }

  @Test
  void aTopicCannotNameTwoClasses() {
    assertThatThrownBy(() -> DecodableTypes.of(Ship.class, Impostor.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("'ship-renamed'")
        .hasMessageContaining(Impostor.class.getName());
    assertThatThrownBy(() -> DecodableTypes.builder().alias("taken", Standalone.class).alias("taken", Renamed2.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("'taken'");
  }

  @Test
  void anInterfaceThatIsNotSealedCantBeDeclared() {
    assertThatThrownBy(() -> DecodableTypes.of(Open.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining(Open.class.getName())
        .hasMessageContaining("sealed");
  }
}
