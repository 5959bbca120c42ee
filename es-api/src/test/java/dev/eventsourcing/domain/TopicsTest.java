package dev.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.TopicException;
import org.junit.jupiter.api.Test;

class TopicsTest {
  static final class Ship extends Aggregate<Ship.Event> {
    sealed interface Event permits Launched, Renamed {}

    record Launched(String name) implements Event {}

    @Topic("ship-renamed")
    record Renamed(String name) implements Event {}

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

  record NotAPayload(String value) {}

  record Registered(String value) {}

  record Renamed2(String value) {}

  @Test
  void theDefaultTopicIsPackageColonQualifiedName() {
    assertThat(Topics.of(Ship.class)).isEqualTo("dev.eventsourcing.domain:TopicsTest.Ship");
    assertThat(Topics.of(Ship.Launched.class)).isEqualTo("dev.eventsourcing.domain:TopicsTest.Ship.Launched");
    assertThat(Topics.of(String.class)).isEqualTo("java.lang:String");
  }

  @Test
  void anAnnotationGivesAnExplicitTopic() {
    assertThat(Topics.of(Ship.Renamed.class)).isEqualTo("ship-renamed");
  }

  @Test
  void aggregateClassesAndTheirPayloadTypesResolve() {
    assertThat(Topics.resolve("dev.eventsourcing.domain:TopicsTest.Ship")).isEqualTo(Ship.class);
    assertThat(Topics.resolve("dev.eventsourcing.domain:TopicsTest.Ship.Launched")).isEqualTo(Ship.Launched.class);
  }

  @Test
  void explicitTopicsResolveOnceTheirAggregateIsKnown() {
    Topics.resolve("dev.eventsourcing.domain:TopicsTest.Ship");

    assertThat(Topics.resolve("ship-renamed")).isEqualTo(Ship.Renamed.class);
  }

  @Test
  void payloadsPermittedByASealedEventTypeNestedInAnAggregateResolve() {
    assertThat(Topics.resolve("dev.eventsourcing.domain:Cargo")).isEqualTo(Cargo.class);
  }

  @Test
  void payloadsOfASealedEventTypeOutsideTheAggregateResolveOnceTheAggregateIsKnown() {
    assertThatThrownBy(() -> Topics.resolve("dev.eventsourcing.domain:BoatEvent.Sailed"))
        .isInstanceOf(TopicException.class);

    Topics.resolve("dev.eventsourcing.domain:TopicsTest.Boat");

    assertThat(Topics.resolve("dev.eventsourcing.domain:BoatEvent.Sailed")).isEqualTo(BoatEvent.Sailed.class);
  }

  @Test
  void aClassThatIsNeitherAggregateNorPayloadNorRegisteredIsRefused() {
    assertThatThrownBy(() -> Topics.resolve("dev.eventsourcing.domain:TopicsTest.NotAPayload"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("dev.eventsourcing.domain:TopicsTest.NotAPayload")
        .hasMessageContaining("Topics.register");
    assertThatThrownBy(() -> Topics.resolve("java.lang:Runtime")).isInstanceOf(TopicException.class);
    assertThatThrownBy(() -> Topics.resolve("java.lang:ProcessBuilder")).isInstanceOf(TopicException.class);
  }

  @Test
  void resolvingAHostileTopicNeverRunsTheClassesStaticInitialiser() {
    assertThatThrownBy(() -> Topics.resolve("dev.eventsourcing.domain:HostilePayload"))
        .isInstanceOf(TopicException.class);

    assertThat(HostilePayload.Initialised.FLAG).isFalse();
  }

  @Test
  void unknownAndMalformedTopicsAreRefusedWithTheTopicInTheMessage() {
    assertThatThrownBy(() -> Topics.resolve("dev.nowhere:Missing"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("dev.nowhere:Missing");
    assertThatThrownBy(() -> Topics.resolve("no-colon-here"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("no-colon-here");
  }

  @Test
  void registeredClassesResolve() {
    Topics.register(Registered.class);

    assertThat(Topics.resolve(Topics.of(Registered.class))).isEqualTo(Registered.class);
  }

  @Test
  void aliasesKeepOldTopicsOfRenamedClassesLoading() {
    Topics.registerAlias("dev.old.package:Renamed", Renamed2.class);

    assertThat(Topics.resolve("dev.old.package:Renamed")).isEqualTo(Renamed2.class);
    assertThat(Topics.resolve(Topics.of(Renamed2.class))).isEqualTo(Renamed2.class);
  }

  @Test
  void aTopicCannotNameTwoClasses() {
    Topics.registerAlias("dev.eventsourcing.test:Taken", Registered.class);

    assertThatThrownBy(() -> Topics.registerAlias("dev.eventsourcing.test:Taken", Renamed2.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("already names");
  }

  @Test
  void anonymousClassesHaveNoTopic() {
    Object anonymous = new Object() {};

    assertThatThrownBy(() -> Topics.of(anonymous.getClass()))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("anonymous");
  }

  @Test
  void configuredTopicsMustNameTheExpectedType() {
    assertThat(Topics.resolveConfigured("KEY", "java.util:ArrayList", java.util.List.class))
        .isEqualTo(java.util.ArrayList.class);
    assertThatThrownBy(() -> Topics.resolveConfigured("KEY", "java.lang.String", java.util.List.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("KEY='java.lang.String'");
  }
}
