package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Records a process application's events together with its tracking records, in its tracking table. */
public class JpaProcessRecorder extends JpaApplicationRecorder implements ProcessRecorder {
  public JpaProcessRecorder(JpaStore store) {
    super(store);
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events, @Nullable Tracking tracking) {
    return insertEvents(events, List.of(), tracking);
  }

  @Override
  public @Nullable Long maxTrackingId(String applicationName) {
    return store.select("selecting the tracking of " + applicationName,
        connection -> maxTrackingId(connection, applicationName));
  }

  @Override
  public @Nullable Lease tryLease() {
    return store.tryLease();
  }

  @Override
  public boolean hasTrackingId(String applicationName, long notificationId) {
    Long max = maxTrackingId(applicationName);
    return max != null && max >= notificationId;
  }
}
