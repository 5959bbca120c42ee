package dev.eventsourcing.persistence;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records the stored events of aggregates and selects one aggregate's events. The first rung of the recorders'
 * capability ladder; snapshots are kept by a recorder of this kind.
 *
 * <p>Implementations are safe to use from many threads.
 */
public interface AggregateRecorder {
  /**
   * Inserts events atomically: all of them or none. Each {@code (originatorId, originatorVersion)} can be recorded
   * once; a batch holding one that is already recorded, or holding one twice, is rejected whole.
   *
   * @return the notification ids given to the events, in the order of the list; empty if this recorder gives none
   * @throws RecordConflictException if an originator version is already recorded or repeated in the batch
   * @throws OperationalException if the database failed in a way that makes retrying safe
   */
  List<Long> insertEvents(List<StoredEvent> events);

  /**
   * Selects one originator's events, ordered by version.
   *
   * @param originatorId the aggregate
   * @param gt only versions greater than this, or all when {@code null}
   * @param lte only versions less than or equal to this, or all when {@code null}
   * @param desc descending versions (the latest first) when true
   * @param limit at most this many, or all when {@code null}
   */
  List<StoredEvent> selectEvents(
      UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit);

  /** Selects all of one originator's events, in ascending version order. */
  default List<StoredEvent> selectEvents(UUID originatorId) {
    return selectEvents(originatorId, null, null, false, null);
  }
}
