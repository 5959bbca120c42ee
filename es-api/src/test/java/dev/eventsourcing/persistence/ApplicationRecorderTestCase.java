package dev.eventsourcing.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of an {@link ApplicationRecorder}, after the Python library's {@code ApplicationRecorderTestCase}:
 * the aggregate recorder's cases, and the notification log's. A store's test is a subclass that creates its
 * recorder.
 */
public abstract class ApplicationRecorderTestCase extends AggregateRecorderTestCase {
  /** The number of readers tailing the log while the writers write. */
  private static final int READERS = 2;

  @Override
  protected abstract ApplicationRecorder createRecorder();

  /** Whether the recorder keeps tracking records: those of {@link ProcessRecorderTestCase} do. */
  protected boolean keepsTracking() {
    return false;
  }

  @Test
  void aRecorderThatKeepsNoTrackingRefusesATrackingRecordAndRecordsNothing() {
    assumeFalse(keepsTracking(), "a process recorder keeps tracking records");
    ApplicationRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 1)), List.of(), new Tracking("upstream", 1)))
        .isInstanceOf(NotSupportedException.class)
        .hasMessageContaining("upstream");
    assertThatThrownBy(() -> recorder.insertEvents(List.of(), List.of(), new Tracking("upstream", 1)))
        .isInstanceOf(NotSupportedException.class);

    assertThat(recorder.selectEvents(id)).isEmpty();
    assertThat(recorder.maxNotificationId()).isNull();
    assertThat(recorder.insertEvents(List.of(event(id, 1)), List.of(), null)).containsExactly(1L);
  }

  @Test
  void notificationIdsStartAtOneAndIncrease() {
    ApplicationRecorder recorder = createRecorder();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();

    assertThat(recorder.maxNotificationId()).isNull();
    assertThat(recorder.selectNotifications(1, 10)).isEmpty();
    assertThat(recorder.selectNotifications(1, 10, null, Set.of("topic1"))).isEmpty();
    assertThat(recorder.insertEvents(List.of())).isEmpty();

    assertThat(recorder.insertEvents(events(a, 2))).containsExactly(1L, 2L);
    assertThat(recorder.insertEvents(List.of(event(b, 1)))).containsExactly(3L);

    assertThat(recorder.maxNotificationId()).isEqualTo(3L);
    assertThat(recorder.selectNotifications(1, 10))
        .containsExactly(notification(1, event(a, 1)), notification(2, event(a, 2)), notification(3, event(b, 1)));
  }

  /** Six notifications, with topics a, b, a, c, a, b. */
  @ParameterizedTest(name = "start={0} limit={1} stop={2} topics=[{3}]: [{4}]")
  @CsvSource(
      textBlock =
          """
          # start, limit, stop, topics, ids
               1,    10,     ,       , 1 2 3 4 5 6
               1,     3,     ,       , 1 2 3
               2,     1,     ,       , 2
               2,     2,     ,       , 2 3
               6,     1,     ,       , 6
               6,    10,     ,       , 6
               7,    10,     ,       , ''
               1,    10,    2,       , 1 2
               2,    10,    2,       , 2
               3,    10,    2,       , ''
               2,     2,    5,       , 2 3
               1,    10,   99,       , 1 2 3 4 5 6
               1,    10,     , a     , 1 3 5
               1,    10,     , b c   , 2 4 6
               1,    10,     , a b c , 1 2 3 4 5 6
               1,    10,     , d     , ''
               1,     2,     , a     , 1 3
               4,     2,     , a b   , 5 6
               2,    10,    4, a     , 3
               1,    10,    4, b c   , 2 4
          """)
  void selectsNotificationsByStartLimitInclusiveStopAndTopics(
      long start, int limit, @Nullable Long stop, @Nullable String topics, String ids) {
    ApplicationRecorder recorder = createRecorder();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    String[] topicOfId = {"", "a", "b", "a", "c", "a", "b"};
    List<StoredEvent> stored = new ArrayList<>();
    for (int id = 1; id <= 6; id++) {
      UUID originator = id <= 3 ? a : b;
      int version = id <= 3 ? id : id - 3;
      stored.add(new StoredEvent(originator, version, topicOfId[id], ("state" + id).getBytes(UTF_8)));
    }
    assertThat(recorder.insertEvents(stored.subList(0, 3))).containsExactly(1L, 2L, 3L);
    assertThat(recorder.insertEvents(stored.subList(3, 6))).containsExactly(4L, 5L, 6L);

    Set<String> topicSet = topics == null ? Set.of() : Set.of(topics.split(" "));
    List<Notification> expected = new ArrayList<>();
    for (String id : ids.split(" ")) {
      if (!id.isEmpty()) {
        int n = Integer.parseInt(id);
        expected.add(notification(n, stored.get(n - 1)));
      }
    }
    assertThat(recorder.selectNotifications(start, limit, stop, topicSet)).containsExactlyElementsOf(expected);
  }

  @Test
  void aConflictingBatchTakesNoNotificationIds() {
    ApplicationRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    UUID bystander = UUID.randomUUID();
    recorder.insertEvents(List.of(event(id, 1)));

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(bystander, 1), event(id, 2), event(id, 1))))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.maxNotificationId()).isEqualTo(1L);
    assertThat(recorder.selectNotifications(1, 10)).containsExactly(notification(1, event(id, 1)));
    List<Long> next = recorder.insertEvents(List.of(event(id, 2)));
    assertThat(next).singleElement().satisfies(n -> assertThat(n).isGreaterThan(1L));
    assertThat(recorder.selectNotifications(2, 10)).containsExactly(notification(next.get(0), event(id, 2)));
  }

  /**
   * Writers insert batches of random sizes, some of them conflicting, while readers tail the log from the last id
   * they saw. Every reader sees every committed event exactly once, in increasing id order, and nothing of a
   * conflicting batch; each insert's ids are contiguous.
   */
  @Test
  void tailingReadersSeeEveryCommittedEventOnceInOrderWhileWritersWrite() {
    ApplicationRecorder recorder = createRecorder();
    Queue<Batch> committed = new ConcurrentLinkedQueue<>();
    Queue<UUID> rejected = new ConcurrentLinkedQueue<>();
    List<List<Notification>> seen = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      seen.add(new ArrayList<>());
    }
    CountDownLatch writing = new CountDownLatch(THREADS);

    Concurrently.run(
        THREADS + READERS,
        thread -> {
          if (thread < THREADS) {
            try {
              write(recorder, new Random(thread), committed, rejected);
            } finally {
              writing.countDown();
            }
          } else {
            tail(recorder, writing, seen.get(thread - THREADS));
          }
        });

    int total = committed.stream().mapToInt(batch -> batch.ids.size()).sum();
    List<Notification> log = recorder.selectNotifications(1, total + 1);
    assertThat(log).hasSize(total);
    assertThat(log).extracting(Notification::id).isSorted().doesNotHaveDuplicates();
    assertThat(recorder.maxNotificationId()).isEqualTo(log.get(total - 1).id());
    Map<Long, Notification> byId = log.stream().collect(Collectors.toMap(Notification::id, n -> n));
    for (Batch batch : committed) {
      assertContiguous(batch.ids);
      for (int i = 0; i < batch.ids.size(); i++) {
        long id = batch.ids.get(i);
        assertThat(byId.get(id)).isEqualTo(notification(id, event(batch.originatorId, i + 1)));
      }
    }
    Set<UUID> rejectedIds = new HashSet<>(rejected);
    assertThat(log).noneMatch(notification -> rejectedIds.contains(notification.originatorId()));
    for (List<Notification> readerSaw : seen) {
      assertThat(readerSaw).containsExactlyElementsOf(log);
    }
  }

  /** Python's non-interleaving notification ids test: large batches inserted at the same moment. */
  @Test
  void largeBatchesInsertedTogetherGetContiguousIds() {
    ApplicationRecorder recorder = createRecorder();
    int writers = THREADS / 2;
    UUID[] originators = new UUID[writers];
    List<List<Long>> ids = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      originators[w] = UUID.randomUUID();
      ids.add(List.of());
    }

    Concurrently.run(writers, w -> ids.set(w, recorder.insertEvents(events(originators[w], 500))));

    for (int w = 0; w < writers; w++) {
      assertThat(ids.get(w)).hasSize(500);
      assertContiguous(ids.get(w));
      List<Notification> range = recorder.selectNotifications(ids.get(w).get(0), 500);
      assertThat(range).extracting(Notification::originatorId).containsOnly(originators[w]);
    }
  }

  /** The notification a stored event becomes under an id. */
  protected static Notification notification(long id, StoredEvent event) {
    return new Notification(id, event.originatorId(), event.originatorVersion(), event.topic(), event.state());
  }

  private void write(ApplicationRecorder recorder, Random random, Queue<Batch> committed, Queue<UUID> rejected) {
    Batch last = null;
    for (int i = 0; i < writesPerThread(); i++) {
      UUID originator = UUID.randomUUID();
      List<StoredEvent> batch = events(originator, 1 + random.nextInt(10));
      if (last != null && i % 4 == 3) {
        StoredEvent rival = new StoredEvent(last.originatorId, 1, "rival", new byte[] {1});
        List<StoredEvent> doomed = new ArrayList<>(batch);
        doomed.add(rival);
        assertThatThrownBy(() -> recorder.insertEvents(doomed)).isInstanceOf(RecordConflictException.class);
        rejected.add(originator);
      } else {
        List<Long> ids = recorder.insertEvents(batch);
        assertThat(ids).hasSize(batch.size());
        last = new Batch(originator, ids);
        committed.add(last);
      }
    }
  }

  private static void tail(ApplicationRecorder recorder, CountDownLatch writing, List<Notification> seen)
      throws InterruptedException {
    long last = 0;
    while (true) {
      boolean writersDone = writing.getCount() == 0;
      List<Notification> page = recorder.selectNotifications(last + 1, 100);
      for (Notification notification : page) {
        assertThat(notification.id()).as("id after %d", last).isGreaterThan(last);
        last = notification.id();
        seen.add(notification);
      }
      if (page.isEmpty()) {
        if (writersDone) {
          return;
        }
        Thread.sleep(1);
      }
    }
  }

  private static void assertContiguous(List<Long> ids) {
    Long[] expected = new Long[ids.size()];
    Arrays.setAll(expected, i -> ids.get(0) + i);
    assertThat(ids).as("ids of one insert").containsExactly(expected);
  }

  private record Batch(UUID originatorId, List<Long> ids) {}
}
