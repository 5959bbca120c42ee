package dev.eventsourcing.persistence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records that a process application has processed an upstream application's notifications up to one: written in
 * the same transaction as the events the processing produced, so each notification is processed exactly once.
 *
 * <p>A record may cover a batch, the notifications from {@code firstNotificationId} to {@code notificationId}. A
 * store refuses it with a {@link RecordConflictException}, writing nothing of its transaction, when a notification
 * at or after the first is tracked already: another processor has recorded part of the batch.
 *
 * @param applicationName the upstream application's name
 * @param notificationId the id of the last processed notification, the position recorded
 * @param firstNotificationId the id of the first notification the record covers ({@code notificationId} for one)
 */
public record Tracking(String applicationName, long notificationId, long firstNotificationId) {
  public Tracking {
    Objects.requireNonNull(applicationName, "applicationName");
    if (firstNotificationId < 1) {
      throw new IllegalArgumentException("notification ids start at 1, got " + firstNotificationId);
    }
    if (notificationId < firstNotificationId) {
      throw new IllegalArgumentException("a tracking record covers notifications " + firstNotificationId + " to "
          + notificationId + ": the last is before the first");
    }
  }

  /** A record of one processed notification. */
  public Tracking(String applicationName, long notificationId) {
    this(applicationName, notificationId, notificationId);
  }

  /**
   * Whether a notification this record covers is tracked already, when the upstream application's notifications are
   * tracked up to {@code trackedUpTo} ({@code null}: none): a store refuses the record then.
   */
  public boolean overlaps(@Nullable Long trackedUpTo) {
    return trackedUpTo != null && firstNotificationId <= trackedUpTo;
  }
}
