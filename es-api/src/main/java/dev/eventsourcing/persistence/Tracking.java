package dev.eventsourcing.persistence;

import java.util.Objects;

/**
 * Records that a process application has processed an upstream application's notification: written in the same
 * transaction as the events the processing produced, so each notification is processed exactly once.
 *
 * @param applicationName the upstream application's name
 * @param notificationId the id of the processed notification
 */
public record Tracking(String applicationName, long notificationId) {
  public Tracking {
    Objects.requireNonNull(applicationName, "applicationName");
    if (notificationId < 1) {
      throw new IllegalArgumentException("notification ids start at 1, got " + notificationId);
    }
  }
}
