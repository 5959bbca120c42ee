package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Stores snapshots of aggregates and finds the latest one. Safe to use from many threads. */
public final class SnapshotStore {
  private final Mapper mapper;
  private final AggregateRecorder recorder;

  public SnapshotStore(Mapper mapper, AggregateRecorder recorder) {
    this.mapper = mapper;
    this.recorder = recorder;
  }

  public AggregateRecorder recorder() {
    return recorder;
  }

  /** Stores a snapshot of the aggregate's current state; one already stored at this version is kept. */
  public void put(Aggregate<?> aggregate) {
    try {
      recorder.insertEvents(List.of(mapper.toStoredSnapshot(aggregate)));
    } catch (RecordConflictException e) {
      // A snapshot at this version is already stored: it holds the same state.
    }
  }

  /** The aggregate from its latest snapshot at or below a version (any version when {@code null}), if there is one. */
  public @Nullable Aggregate<?> latest(UUID originatorId, @Nullable Integer lte) {
    List<StoredEvent> snapshots = recorder.selectEvents(originatorId, null, lte, true, 1);
    return snapshots.isEmpty() ? null : mapper.toAggregate(snapshots.get(0));
  }
}
