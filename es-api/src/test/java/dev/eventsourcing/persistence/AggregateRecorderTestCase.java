package dev.eventsourcing.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of an {@link AggregateRecorder}, after the Python library's {@code AggregateRecorderTestCase}. A
 * store's test is a subclass that creates its recorder.
 */
public abstract class AggregateRecorderTestCase {
  /** The number of threads of the concurrency tests. */
  protected static final int THREADS = 8;

  /**
   * A recorder over an empty store. Each test calls it once; a subclass whose recorders hold resources releases
   * them after each test.
   */
  protected abstract AggregateRecorder createRecorder();

  /**
   * How many times each thread of a concurrency test writes: enough to make races likely on any store. A subclass
   * for a slow store may lower it.
   */
  protected int writesPerThread() {
    return 40;
  }

  @Test
  void insertsAndSelectsEvents() {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();

    recorder.insertEvents(List.of());
    assertThat(recorder.selectEvents(id)).isEmpty();

    StoredEvent first = event(id, 1);
    recorder.insertEvents(List.of(first));
    assertThat(recorder.selectEvents(id)).containsExactly(first);

    recorder.insertEvents(List.of(event(id, 2), event(id, 3)));
    assertThat(recorder.selectEvents(id)).containsExactly(first, event(id, 2), event(id, 3));
  }

  @Test
  void keepsTheEventsOfOriginatorsApart() {
    AggregateRecorder recorder = createRecorder();
    UUID one = UUID.randomUUID();
    UUID other = UUID.randomUUID();

    recorder.insertEvents(events(one, 2));
    recorder.insertEvents(List.of(event(other, 1)));

    assertThat(recorder.selectEvents(one)).containsExactlyElementsOf(events(one, 2));
    assertThat(recorder.selectEvents(other)).containsExactly(event(other, 1));
  }

  @Test
  void selectsNothingForAnUnknownOriginator() {
    AggregateRecorder recorder = createRecorder();
    recorder.insertEvents(events(UUID.randomUUID(), 3));
    UUID unknown = UUID.randomUUID();

    assertThat(recorder.selectEvents(unknown)).isEmpty();
    assertThat(recorder.selectEvents(unknown, null, null, true, 1)).isEmpty();
    assertThat(recorder.selectEvents(unknown, 0, 10, false, 10)).isEmpty();
  }

  @Test
  void aVersionRepeatedInABatchConflictsAndNothingOfTheBatchIsWritten() {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    UUID bystander = UUID.randomUUID();
    StoredEvent repeated = new StoredEvent(id, 2, "other-topic", "other state".getBytes(UTF_8));

    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(bystander, 1), event(id, 1), event(id, 2), repeated)))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.selectEvents(id)).isEmpty();
    assertThat(recorder.selectEvents(bystander)).isEmpty();
  }

  @Test
  void aVersionAlreadyRecordedConflictsAndNothingOfTheBatchIsWritten() {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    UUID bystander = UUID.randomUUID();
    recorder.insertEvents(List.of(event(id, 1)));
    // Only the originator id and version identify an event: a different topic and state still conflict.
    StoredEvent rival = new StoredEvent(id, 1, "rival-topic", "rival state".getBytes(UTF_8));

    assertThatThrownBy(() -> recorder.insertEvents(List.of(rival))).isInstanceOf(RecordConflictException.class);
    assertThatThrownBy(() -> recorder.insertEvents(List.of(rival, event(id, 2))))
        .isInstanceOf(RecordConflictException.class);
    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 2), event(id, 3), rival)))
        .isInstanceOf(RecordConflictException.class);
    assertThatThrownBy(() -> recorder.insertEvents(List.of(event(bystander, 1), rival)))
        .isInstanceOf(RecordConflictException.class);

    assertThat(recorder.selectEvents(id)).containsExactly(event(id, 1));
    assertThat(recorder.selectEvents(bystander)).isEmpty();

    recorder.insertEvents(List.of(event(id, 2), event(id, 3)));
    assertThat(recorder.selectEvents(id)).containsExactlyElementsOf(events(id, 3));
  }

  @Test
  void aBatchAcrossOriginatorsIsStoredWhole() {
    AggregateRecorder recorder = createRecorder();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();

    recorder.insertEvents(List.of(event(a, 1), event(b, 1), event(a, 2), event(c, 1), event(b, 2)));

    assertThat(recorder.selectEvents(a)).containsExactlyElementsOf(events(a, 2));
    assertThat(recorder.selectEvents(b)).containsExactlyElementsOf(events(b, 2));
    assertThat(recorder.selectEvents(c)).containsExactly(event(c, 1));
  }

  @Test
  void storesALargeBatch() {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();

    recorder.insertEvents(events(id, 1000));

    assertThat(recorder.selectEvents(id)).containsExactlyElementsOf(events(id, 1000));
  }

  /** An originator with versions 1 to 5, beside another one with versions 1 to 7. */
  @ParameterizedTest(name = "gt={0} lte={1} desc={2} limit={3}: [{4}]")
  @CsvSource(
      textBlock =
          """
          # gt, lte, desc,  limit, versions
              ,    , false,      , 1 2 3 4 5
              ,    , true,       , 5 4 3 2 1
              ,    , false,     2, 1 2
              ,    , true,      1, 5
              ,    , true,      2, 5 4
              ,    , false,    10, 1 2 3 4 5
             2,    , false,      , 3 4 5
             2,    , true,       , 5 4 3
             2,    , false,     2, 3 4
             2,    , true,      2, 5 4
             0,    , false,      , 1 2 3 4 5
             5,    , false,      , ''
              ,   3, false,      , 1 2 3
              ,   3, true,       , 3 2 1
              ,   3, true,      1, 3
              ,   3, false,     2, 1 2
              ,   9, true,      1, 5
              ,   0, false,      , ''
             1,   4, false,      , 2 3 4
             1,   4, true,       , 4 3 2
             1,   4, false,     2, 2 3
             1,   4, true,      2, 4 3
             3,   3, false,      , ''
             4,   2, true,       , ''
          """)
  void selectsVersionRangesInEitherOrderWithALimit(
      @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit, String versions) {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    recorder.insertEvents(events(id, 5));
    recorder.insertEvents(events(other, 7));

    List<StoredEvent> expected = new ArrayList<>();
    for (String version : versions.split(" ")) {
      if (!version.isEmpty()) {
        expected.add(event(id, Integer.parseInt(version)));
      }
    }
    assertThat(recorder.selectEvents(id, gt, lte, desc, limit)).containsExactlyElementsOf(expected);
  }

  @Test
  void storesStateBytesAndTopicsExactly() {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] large = new byte[100_000];
    new Random(42).nextBytes(large);
    List<byte[]> states =
        List.of(
            new byte[0],
            new byte[] {0},
            everyByte,
            new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0, 0},
            "{\"name\": \"Zoë ✓ 日本\"}".getBytes(UTF_8),
            large);
    List<StoredEvent> stored = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      String topic = i % 2 == 0 ? "dev.example:Café.Événement" : "dev.example:Topic" + i;
      stored.add(new StoredEvent(id, i + 1, topic, states.get(i)));
    }

    recorder.insertEvents(stored);

    List<StoredEvent> selected = recorder.selectEvents(id);
    assertThat(selected).containsExactlyElementsOf(stored);
    for (int i = 0; i < states.size(); i++) {
      assertThat(selected.get(i).state()).as("state %d", i).isEqualTo(states.get(i));
    }
  }

  @Test
  void concurrentWritersOfDifferentAggregatesAllSucceed() {
    AggregateRecorder recorder = createRecorder();
    Map<UUID, List<StoredEvent>> written = new ConcurrentHashMap<>();

    Concurrently.run(
        THREADS,
        thread -> {
          Random random = new Random(thread);
          for (int i = 0; i < writesPerThread(); i++) {
            UUID id = UUID.randomUUID();
            List<StoredEvent> batch = events(id, 1 + random.nextInt(10));
            recorder.insertEvents(batch);
            written.put(id, batch);
          }
        });

    assertThat(written).hasSize(THREADS * writesPerThread());
    written.forEach((id, batch) -> assertThat(recorder.selectEvents(id)).containsExactlyElementsOf(batch));
  }

  @Test
  void concurrentWritersOfOneAggregateExactlyOneWinsEachVersion() {
    AggregateRecorder recorder = createRecorder();
    UUID id = UUID.randomUUID();
    int versions = writesPerThread();
    CyclicBarrier everyoneReady = new CyclicBarrier(THREADS);
    Map<Integer, Integer> winners = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();

    Concurrently.run(
        THREADS,
        thread -> {
          for (int version = 1; version <= versions; version++) {
            everyoneReady.await();
            try {
              recorder.insertEvents(List.of(new StoredEvent(id, version, "topic", new byte[] {(byte) thread})));
              assertThat(winners.putIfAbsent(version, thread)).as("a second winner of version %d", version).isNull();
            } catch (RecordConflictException e) {
              conflicts.incrementAndGet();
            }
          }
        });

    assertThat(winners).hasSize(versions);
    assertThat(conflicts).hasValue(versions * (THREADS - 1));
    List<StoredEvent> stored = recorder.selectEvents(id);
    assertThat(stored).extracting(StoredEvent::originatorVersion)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, versions).boxed().toList());
    for (StoredEvent event : stored) {
      assertThat(event.state()).as("version %d", event.originatorVersion())
          .containsExactly(winners.get(event.originatorVersion()).byteValue());
    }
  }

  /** The event of an originator at a version, with a topic and state that name the version. */
  protected static StoredEvent event(UUID originatorId, int version) {
    return new StoredEvent(originatorId, version, "topic" + version, ("state" + version).getBytes(UTF_8));
  }

  /** The events of an originator from version 1 to {@code count}. */
  protected static List<StoredEvent> events(UUID originatorId, int count) {
    List<StoredEvent> events = new ArrayList<>(count);
    for (int version = 1; version <= count; version++) {
      events.add(event(originatorId, version));
    }
    return events;
  }
}
