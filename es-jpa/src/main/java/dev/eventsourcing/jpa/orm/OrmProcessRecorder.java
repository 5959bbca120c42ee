package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.persistence.ProcessRecorder;
import org.jspecify.annotations.Nullable;

/** Records a process application's events together with its tracking records, as {@code TrackingRecord}s. */
final class OrmProcessRecorder extends OrmApplicationRecorder implements ProcessRecorder {
  OrmProcessRecorder(OrmStore store) {
    super(store, true);
  }

  @Override
  public @Nullable Long maxTrackingId(String applicationName) {
    return store.read("selecting the tracking of " + applicationName,
        entityManager -> maxTrackingId(entityManager, applicationName));
  }

  @Override
  public boolean hasTrackingId(String applicationName, long notificationId) {
    Long max = maxTrackingId(applicationName);
    return max != null && max >= notificationId;
  }
}
