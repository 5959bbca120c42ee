package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DataKeyRecorder}: keys recorded atomically with the events that first need them, one
 * key record per subject, erasure that leaves a record no key can replace, and the selections and conditional
 * updates of a rotation. A store's test is a subclass that creates a recorder of an application recorder kind,
 * configured for per-subject encryption; the keys are its {@link ApplicationRecorder#dataKeys()}, and new keys are
 * inserted with events by its {@link ApplicationRecorder#insertEvents(List, List, Tracking)}.
 */
public abstract class DataKeyRecorderTestCase {
  /** A new, empty recorder that keeps data keys. */
  protected abstract ApplicationRecorder createRecorder();

  private DataKeyRecorder keys(ApplicationRecorder recorder) {
    assertThat(recorder.dataKeys()).as("the recorder's data keys").isPresent();
    return recorder.dataKeys().orElseThrow();
  }

  @Test
  void recordsAKeyWithTheEventsThatFirstNeedIt() {
    ApplicationRecorder recorder = createRecorder();
    UUID subject = UUID.randomUUID();
    UUID aggregate = UUID.randomUUID();
    DataKey key = key(subject, "m1", 1);

    assertThat(keys(recorder).selectDataKey(subject)).isNull();
    assertThat(recorder.insertEvents(List.of(event(aggregate, 1), event(aggregate, 2)), List.of(key), null))
        .containsExactly(1L, 2L);

    assertThat(keys(recorder).selectDataKey(subject)).isEqualTo(key);
    assertThat(recorder.selectEvents(aggregate)).hasSize(2);
  }

  @Test
  void aSecondKeyForASubjectConflictsAndRecordsNothing() {
    ApplicationRecorder recorder = createRecorder();
    UUID subject = UUID.randomUUID();
    DataKey first = key(subject, "m1", 1);
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), List.of(first), null);
    UUID other = UUID.randomUUID();

    assertThatThrownBy(() -> recorder.insertEvents(
            List.of(event(other, 1)), List.of(key(UUID.randomUUID(), "m1", 2), key(subject, "m1", 3)), null))
        .isInstanceOf(DataKeyConflictException.class)
        .hasMessageContaining(subject.toString());

    assertThat(keys(recorder).selectDataKey(subject)).isEqualTo(first);
    assertThat(recorder.selectEvents(other)).isEmpty();
    assertThat(recorder.maxNotificationId()).isEqualTo(1L);
  }

  @Test
  void aConflictingEventRecordsNoKey() {
    ApplicationRecorder recorder = createRecorder();
    UUID aggregate = UUID.randomUUID();
    recorder.insertEvents(List.of(event(aggregate, 1)));
    UUID subject = UUID.randomUUID();

    assertThatThrownBy(() -> recorder.insertEvents(
            List.of(event(aggregate, 1)), List.of(key(subject, "m1", 1)), null))
        .isInstanceOf(RecordConflictException.class);

    assertThat(keys(recorder).selectDataKey(subject)).isNull();
  }

  @Test
  void anErasedKeyLeavesARecordThatNoKeyReplaces() {
    ApplicationRecorder recorder = createRecorder();
    UUID subject = UUID.randomUUID();
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), List.of(key(subject, "m1", 1)), null);

    keys(recorder).eraseDataKey(subject);
    keys(recorder).eraseDataKey(subject);

    assertThat(keys(recorder).selectDataKey(subject)).isEqualTo(DataKey.erased(subject));
    assertThatThrownBy(() -> recorder.insertEvents(
            List.of(event(UUID.randomUUID(), 1)), List.of(key(subject, "m1", 2)), null))
        .isInstanceOf(DataKeyConflictException.class);
    assertThat(keys(recorder).selectDataKey(subject)).isEqualTo(DataKey.erased(subject));
  }

  @Test
  void erasingASubjectWithoutAKeyKeepsItFromGettingOne() {
    ApplicationRecorder recorder = createRecorder();
    UUID subject = UUID.randomUUID();

    keys(recorder).eraseDataKey(subject);

    assertThat(keys(recorder).selectDataKey(subject)).isEqualTo(DataKey.erased(subject));
    assertThatThrownBy(() -> recorder.insertEvents(
            List.of(event(UUID.randomUUID(), 1)), List.of(key(subject, "m1", 1)), null))
        .isInstanceOf(DataKeyConflictException.class);
  }

  @Test
  void selectsTheKeysToRewrapInOrderOfSubjectInBatches() {
    ApplicationRecorder recorder = createRecorder();
    List<DataKey> old = IntStream.range(0, 5).mapToObj(i -> key(UUID.randomUUID(), "old", i)).toList();
    DataKey current = key(UUID.randomUUID(), "new", 9);
    DataKey erased = key(UUID.randomUUID(), "old", 10);
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), old, null);
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), List.of(current, erased), null);
    keys(recorder).eraseDataKey(erased.subjectId());

    List<DataKey> first = keys(recorder).selectDataKeysNotWrappedBy("new", 3);
    assertThat(first).hasSize(3);
    List<DataKey> all = keys(recorder).selectDataKeysNotWrappedBy("new", 10);
    assertThat(all).containsExactlyInAnyOrderElementsOf(old);
    assertThat(all.subList(0, 3)).isEqualTo(first);
    assertThat(all).isSortedAccordingTo(Comparator.comparing(DataKey::subjectId, DataKeyRecorderTestCase::bytewise));
  }

  @Test
  void updatesOnlyKeysThatWereNeitherErasedNorRewrappedMeanwhile() {
    ApplicationRecorder recorder = createRecorder();
    DataKey kept = key(UUID.randomUUID(), "old", 1);
    DataKey erased = key(UUID.randomUUID(), "old", 2);
    DataKey rewrapped = key(UUID.randomUUID(), "old", 3);
    recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), List.of(kept, erased, rewrapped), null);
    List<DataKey> selected = keys(recorder).selectDataKeysNotWrappedBy("new", 10);
    keys(recorder).eraseDataKey(erased.subjectId());
    DataKey byOther = key(rewrapped.subjectId(), "other", 4);
    assertThat(keys(recorder).updateDataKeys(List.of(rewrapped), List.of(byOther))).isEqualTo(1);

    List<DataKey> replacements =
        selected.stream().map(key -> key(key.subjectId(), "new", 5)).toList();
    assertThat(keys(recorder).updateDataKeys(selected, replacements)).isEqualTo(1);

    assertThat(keys(recorder).selectDataKey(kept.subjectId())).isEqualTo(key(kept.subjectId(), "new", 5));
    assertThat(keys(recorder).selectDataKey(erased.subjectId())).isEqualTo(DataKey.erased(erased.subjectId()));
    assertThat(keys(recorder).selectDataKey(rewrapped.subjectId())).isEqualTo(byOther);
    assertThat(keys(recorder).selectDataKeysNotWrappedBy("new", 10)).containsExactly(byOther);
  }

  @Test
  void concurrentWritersOfOneSubjectsFirstKeyRecordOne() {
    ApplicationRecorder recorder = createRecorder();
    UUID subject = UUID.randomUUID();
    ConcurrentLinkedQueue<DataKey> recorded = new ConcurrentLinkedQueue<>();
    Concurrently.run(4, thread -> {
      DataKey key = key(subject, "m1", thread);
      try {
        recorder.insertEvents(List.of(event(UUID.randomUUID(), 1)), List.of(key), null);
        recorded.add(key);
      } catch (DataKeyConflictException expected) {
        // another writer recorded the subject's key first
      }
    });

    assertThat(recorded).hasSize(1);
    assertThat(keys(recorder).selectDataKey(subject)).isEqualTo(recorded.peek());
    assertThat(recorder.maxNotificationId()).isEqualTo(1L);
  }

  private static DataKey key(UUID subject, String masterKeyId, int n) {
    return new DataKey(subject, masterKeyId, ("wrapped key " + n).getBytes(StandardCharsets.US_ASCII));
  }

  private static StoredEvent event(UUID originatorId, int version) {
    return new StoredEvent(originatorId, version, "topic", new byte[] {(byte) version});
  }

  /** UUIDs in the order of their 16 bytes, as databases order them. */
  private static int bytewise(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
