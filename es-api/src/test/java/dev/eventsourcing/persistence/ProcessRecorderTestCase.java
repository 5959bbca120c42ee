package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ProcessRecorder}, after the Python library's {@code ProcessRecorderTestCase}: the
 * application recorder's cases, and tracking recorded atomically with events. A store's test is a subclass that
 * creates its recorder.
 */
public abstract class ProcessRecorderTestCase extends ApplicationRecorderTestCase {
  private static final String UPSTREAM = "upstream_app";

  @Override
  protected abstract ProcessRecorder createRecorder();

  @Override
  protected boolean keepsTracking() {
    return true;
  }

  @Test
  void aLeaseTakenIsHeldUntilClosedAndCanBeTakenAgain() {
    ProcessRecorder recorder = createRecorder();

    Lease lease = recorder.tryLease();
    assertThat(lease).as("no other process holds it").isNotNull();
    assertThat(lease.isHeld()).isTrue();
    lease.close();
    assertThat(lease.isHeld()).isFalse();
    lease.close();
    Lease again = recorder.tryLease();
    assertThat(again).as("given back").isNotNull();
    assertThat(again.isHeld()).isTrue();
    again.close();
  }

  @Test
  void nothingIsTrackedAtFirst() {
    ProcessRecorder recorder = createRecorder();

    assertThat(recorder.maxTrackingId(UPSTREAM)).isNull();
    assertThat(recorder.hasTrackingId(UPSTREAM, 1)).isFalse();
  }

  @Test
  void insertsEventsAndTrackingTogether() {
    ProcessRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();

    assertThat(recorder.insertEvents(events(id, 2), new Tracking(UPSTREAM, 1))).containsExactly(1L, 2L);

    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(1L);
    assertThat(recorder.selectEvents(id)).containsExactlyElementsOf(events(id, 2));
    assertThat(recorder.selectNotifications(1, 10))
        .containsExactly(notification(1, event(id, 1)), notification(2, event(id, 2)));
  }

  @Test
  void aTrackingIdRecordedTwiceConflictsAndItsEventsAreNotWritten() {
    ProcessRecorder recorder = createRecorder();
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), new Tracking(UPSTREAM, 1));
    UUID second = UUID.randomUUID();

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(second, 1)), new Tracking(UPSTREAM, 1)))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.selectEvents(second)).isEmpty();
    assertThat(recorder.maxNotificationId()).isEqualTo(1L);
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(1L);

    recorder.insertEvents(List.of(event(second, 1)), new Tracking(UPSTREAM, 2));
    assertThat(recorder.selectEvents(second)).containsExactly(event(second, 1));
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(2L);
  }

  /** Another processor recorded part of a batch: the batch conflicts, though its last notification is new. */
  @Test
  void aBatchOfWhichPartIsTrackedConflictsAndItsEventsAreNotWritten() {
    ProcessRecorder recorder = createRecorder();
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), new Tracking(UPSTREAM, 5, 1));
    UUID overlapping = UUID.randomUUID();

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(overlapping, 1)), new Tracking(UPSTREAM, 8, 5)))
        .isInstanceOf(RecordConflictException.class)
        .hasMessageContaining("tracked up to 5");

    assertThat(recorder.selectEvents(overlapping)).isEmpty();
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(5L);
    recorder.insertEvents(List.of(event(overlapping, 1)), new Tracking(UPSTREAM, 8, 6));
    assertThat(recorder.selectEvents(overlapping)).containsExactly(event(overlapping, 1));
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(8L);
  }

  @Test
  void trackingNeverGoesBackwards() {
    ProcessRecorder recorder = createRecorder();
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), new Tracking(UPSTREAM, 5));
    UUID late = UUID.randomUUID();

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(late, 1)), new Tracking(UPSTREAM, 3)))
        .isInstanceOf(RecordConflictException.class);
    assertThatThrownBy(() -> recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 4)))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.selectEvents(late)).isEmpty();
    assertThat(recorder.maxNotificationId()).isEqualTo(1L);
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(5L);

    recorder.insertEvents(List.of(event(late, 1)), new Tracking(UPSTREAM, 6));
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(6L);
  }

  @Test
  void conflictingEventsLeaveTheTrackingUnchanged() {
    ProcessRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    recorder.insertEvents(List.of(event(id, 1)), new Tracking(UPSTREAM, 1));

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 1)), new Tracking(UPSTREAM, 2)))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(1L);
    assertThat(recorder.hasTrackingId(UPSTREAM, 2)).isFalse();
    assertThat(recorder.maxNotificationId()).isEqualTo(1L);
  }

  @Test
  void hasTrackingIdMeansTrackedAtLeastThisFar() {
    ProcessRecorder recorder = createRecorder();
    recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 1));
    recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 4));

    for (long id = 1; id <= 4; id++) {
      assertThat(recorder.hasTrackingId(UPSTREAM, id)).as("tracked %d", id).isTrue();
    }
    assertThat(recorder.hasTrackingId(UPSTREAM, 5)).isFalse();
    assertThat(recorder.hasTrackingId("unknown_app", 1)).isFalse();
  }

  @Test
  void upstreamApplicationsAreTrackedIndependently() {
    ProcessRecorder recorder = createRecorder();
    recorder.insertEvents(List.of(), new Tracking("orders", 5));

    recorder.insertEvents(List.of(), new Tracking("payments", 1));
    recorder.insertEvents(List.of(), new Tracking("payments", 3));
    assertThatThrownBy(() -> recorder.insertEvents(List.of(), new Tracking("orders", 3)))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.maxTrackingId("orders")).isEqualTo(5L);
    assertThat(recorder.maxTrackingId("payments")).isEqualTo(3L);
    assertThat(recorder.hasTrackingId("payments", 4)).isFalse();
    assertThat(recorder.hasTrackingId("orders", 4)).isTrue();
  }

  @Test
  void recordsTrackingWithoutEvents() {
    ProcessRecorder recorder = createRecorder();

    assertThat(recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 1))).isEmpty();

    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(1L);
    assertThat(recorder.maxNotificationId()).isNull();
  }

  @Test
  void insertsEventsWithoutTracking() {
    ProcessRecorder recorder = createRecorder();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    recorder.insertEvents(List.of(event(a, 1)), new Tracking(UPSTREAM, 2));

    assertThat(recorder.insertEvents(List.of(event(a, 2)), null)).containsExactly(2L);
    assertThat(recorder.insertEvents(List.of(event(b, 1)))).containsExactly(3L);

    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo(2L);
    assertThat(recorder.selectEvents(a)).containsExactlyElementsOf(events(a, 2));
    assertThat(recorder.selectEvents(b)).containsExactly(event(b, 1));
  }

  /** Processors racing to record the same upstream notification: exactly one records it, with its events. */
  @Test
  void concurrentProcessorsOfOneNotificationExactlyOneRecordsIt() {
    ProcessRecorder recorder = createRecorder();
    int notifications = writesPerThread();
    CyclicBarrier everyoneReady = new CyclicBarrier(THREADS);
    Map<Long, UUID> winners = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();

    Concurrently.run(
        THREADS,
        thread -> {
          for (long upstreamId = 1; upstreamId <= notifications; upstreamId++) {
            UUID produced = UUID.randomUUID();
            everyoneReady.await();
            try {
              recorder.insertEvents(List.of(event(produced, 1)), new Tracking(UPSTREAM, upstreamId));
              assertThat(winners.putIfAbsent(upstreamId, produced)).as("a second winner of %d", upstreamId).isNull();
            } catch (RecordConflictException e) {
              conflicts.incrementAndGet();
            }
          }
        });

    assertThat(winners).hasSize(notifications);
    assertThat(conflicts).hasValue(notifications * (THREADS - 1));
    assertThat(recorder.maxTrackingId(UPSTREAM)).isEqualTo((long) notifications);
    List<Notification> log = recorder.selectNotifications(1, notifications + 1);
    assertThat(log).extracting(Notification::originatorId)
        .containsExactlyElementsOf(new TreeMap<>(winners).values());
  }
}
