package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.application.LocalNotificationLog;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.memory.MemoryApplicationRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationLogReaderTest {
  private final MemoryApplicationRecorder recorder = new MemoryApplicationRecorder();

  /** A log that records which sections were requested. */
  private static final class RecordingLog implements NotificationLog {
    final List<String> requested = new ArrayList<>();
    private final NotificationLog log;

    RecordingLog(NotificationLog log) {
      this.log = log;
    }

    @Override
    public Section section(String sectionId) {
      requested.add(sectionId);
      return log.section(sectionId);
    }

    @Override
    public List<Notification> select(long start, int limit, @Nullable Long stop, Collection<String> topics) {
      return log.select(start, limit, stop, topics);
    }
  }

  /** The limits the log's recorder was asked for. */
  private final List<Integer> limits = new ArrayList<>();

  private final ApplicationRecorder recording = new ApplicationRecorder() {
    @Override
    public List<Notification> selectNotifications(
        long start, int limit, @Nullable Long stop, Collection<String> topics) {
      limits.add(limit);
      return recorder.selectNotifications(start, limit, stop, topics);
    }

    @Override
    public @Nullable Long maxNotificationId() {
      return recorder.maxNotificationId();
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracking) {
      return recorder.insertEvents(events, newKeys, tracking);
    }

    @Override
    public List<StoredEvent> selectEvents(
        UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
      return recorder.selectEvents(originatorId, gt, lte, desc, limit);
    }
  };

  private void record(int count) {
    UUID id = UUID.randomUUID();
    List<StoredEvent> events = new ArrayList<>();
    for (int version = 1; version <= count; version++) {
      events.add(new StoredEvent(id, version, "topic", new byte[] {(byte) version}));
    }
    recorder.insertEvents(events);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 10, 25, 100})
  void readsEveryNotificationFromTheStartAcrossSections(int readerSectionSize) {
    record(25);

    List<Long> ids = new NotificationLogReader(new LocalNotificationLog(recorder, 10), readerSectionSize)
        .read(1).map(Notification::id).toList();

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
  }

  @Test
  void aLocalLogIsReadInPagesOfTheReadersSizeNotCappedByItsSectionSize() {
    record(250);
    LocalNotificationLog log = new LocalNotificationLog(recording, 10);

    assertThat(new NotificationLogReader(log, 100).read(1).map(Notification::id))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
    assertThat(limits).containsExactly(100, 100, 100);
    assertThat(log.section("1,100").items()).as("the sections it serves stay capped").hasSize(10);
  }

  @Test
  void aLocalLogOfExactlyFullPagesEndsWithAnEmptyPage() {
    record(200);

    assertThat(new NotificationLogReader(new LocalNotificationLog(recording, 10), 100).read(101)).hasSize(100);
    assertThat(limits).containsExactly(100, 100);
  }

  @Test
  void readsOnwardFromAPosition() {
    record(12);

    assertThat(new NotificationLogReader(new LocalNotificationLog(recorder, 10)).read(5).map(Notification::id))
        .containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(new NotificationLogReader(new LocalNotificationLog(recorder, 10)).read(13)).isEmpty();
  }

  @Test
  void aLogOfExactlyFullSectionsEndsWithAnEmptySection() {
    record(20);
    RecordingLog log = new RecordingLog(new LocalNotificationLog(recorder, 10));

    assertThat(new NotificationLogReader(log).read(1)).hasSize(20);
    assertThat(log.requested).containsExactly("1,10", "11,20", "21,30");
  }

  @Test
  void theStreamIsLazy() {
    record(30);
    RecordingLog log = new RecordingLog(new LocalNotificationLog(recorder, 10));

    assertThat(new NotificationLogReader(log).read(1).limit(3)).hasSize(3);
    assertThat(log.requested).containsExactly("1,10");
  }
}
