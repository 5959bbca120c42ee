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
   * Inserts events and a tracking record atomically: all or nothing.
   *
   * @param tracking the upstream notification these events were produced from, or {@code null}
   * @throws RecordConflictException if an event conflicts, or if the tracking record's notification id is not
   *     greater than the highest one recorded for its upstream application
   */
  List<Long> insertEvents(List<StoredEvent> events, @Nullable Tracking tracking);

  /** The highest notification id tracked for an upstream application, or {@code null} if none. */
  @Nullable Long maxTrackingId(String applicationName);

  /** Whether the upstream application has been tracked at least as far as {@code notificationId}. */
  boolean hasTrackingId(String applicationName, long notificationId);
}
