package dev.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {
  static final class Ship {
    record Launched(String name) {}

    @Topic("ship-renamed")
    record Renamed(String name) {}
  }

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
