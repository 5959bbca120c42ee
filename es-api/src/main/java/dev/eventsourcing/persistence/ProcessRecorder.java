package dev.eventsourcing.persistence;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An application recorder that also records, atomically with the events, how far a process application has
 * processed each upstream application's notification log.
 *
 * <p>Tracking never goes backwards: for each upstream application, a tracking record is accepted only if its
 * notification id is greater than every one recorded before.
 */
public interface ProcessRecorder extends ApplicationRecorder {
  /**
   * Inserts events and a tracking record atomically: all or nothing; {@code insertEvents(events, List.of(),
   * tracking)}, which a process recorder accepts with a tracking record.
   *
   * @param tracking the upstream notification these events were produced from, or {@code null}
   * @throws RecordConflictException if an event conflicts, or if the tracking record's notification id is not
   *     greater than the highest one recorded for its upstream application
   */
  default List<Long> insertEvents(List<StoredEvent> events, @Nullable Tracking tracking) {
    return insertEvents(events, List.of(), tracking);
  }

  /** The highest notification id tracked for an upstream application, or {@code null} if none. */
  @Nullable Long maxTrackingId(String applicationName);

  /** Whether the upstream application has been tracked at least as far as {@code notificationId}. */
  boolean hasTrackingId(String applicationName, long notificationId);

  /**
   * Tries to take the lease of this recorder's process application: the right to process its upstream
   * notifications, exclusive among the processes that share the store. Returns at once, with the lease, or with
   * {@code null} if another process holds it or it can't be taken now; the caller tries again later.
   *
   * <p>By default the lease is always taken, and held until closed: a store that only one process uses needs no
   * arbitration, and a store shared without one relies on the tracking records alone.
   */
  default @Nullable Lease tryLease() {
    return Lease.untilClosed();
  }
}
