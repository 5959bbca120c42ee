package dev.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.memory.MemoryApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalNotificationLogTest {
  private final MemoryApplicationRecorder recorder = new MemoryApplicationRecorder();
  private final LocalNotificationLog log = new LocalNotificationLog(recorder, 10);

  private void record(int count, String topic) {
    UUID id = UUID.randomUUID();
    List<StoredEvent> events = new ArrayList<>();
    for (int version = 1; version <= count; version++) {
      events.add(new StoredEvent(id, version, topic, new byte[0]));
    }
    recorder.insertEvents(events);
  }

  @Test
  void anEmptyLogHasEmptySectionsWithoutIds() {
    Section section = log.section("1,10");

    assertThat(section.items()).isEmpty();
    assertThat(section.id()).isNull();
    assertThat(section.nextId()).isNull();
  }

  @Test
  void aPartSectionIsTheEndOfTheLog() {
    record(4, "t");

    Section section = log.section("1,10");

    assertThat(section.items()).extracting(Notification::id).containsExactly(1L, 2L, 3L, 4L);
    assertThat(section.id()).isEqualTo("1,4");
    assertThat(section.nextId()).isNull();
  }

  @Test
  void sectionsAreCappedAtTheSectionSizeAndNameTheNextSection() {
    record(25, "t");

    Section first = log.section("1,100");
    Section second = log.section(first.nextId());
    Section third = log.section(second.nextId());

    assertThat(first.id()).isEqualTo("1,10");
    assertThat(first.nextId()).isEqualTo("11,20");
    assertThat(second.items()).extracting(Notification::id).startsWith(11L).endsWith(20L);
    assertThat(third.id()).isEqualTo("21,25");
    assertThat(third.nextId()).isNull();
  }

  @Test
  void smallerRequestedSectionsAreHonoured() {
    record(10, "t");

    Section section = log.section("3,4");

    assertThat(section.id()).isEqualTo("3,4");
    assertThat(section.nextId()).isEqualTo("5,6");
  }

  @Test
  void selectFiltersByTopicAndStopsAtTheInclusiveStop() {
    record(3, "a");
    record(3, "b");

    assertThat(log.select(1, 10, null, Set.of("b"))).extracting(Notification::id).containsExactly(4L, 5L, 6L);
    assertThat(log.select(2, 10, 4L, Set.of())).extracting(Notification::id).containsExactly(2L, 3L, 4L);
    assertThat(log.select(1, 100, null, Set.of())).hasSize(6);
  }

  @Test
  void malformedSectionIdsAreRefusedByName() {
    for (String bad : List.of("", "1", "a,b", "0,10", "5,4", "1,10,20", ",")) {
      assertThatThrownBy(() -> log.section(bad))
          .as(bad)
          .isInstanceOf(EventSourcingException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
