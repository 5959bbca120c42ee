package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.ProcessRecorder;
import org.jspecify.annotations.Nullable;

/** Records a process application's events together with its tracking records, in its tracking table. */
public class JpaProcessRecorder extends JpaApplicationRecorder implements ProcessRecorder {
  private final JpaTracking tracking;

  public JpaProcessRecorder(JpaStore store) {
    this(store, new JpaTracking(store));
  }

  private JpaProcessRecorder(JpaStore store, JpaTracking tracking) {
    super(store, tracking);
    this.tracking = tracking;
  }

  @Override
  public @Nullable Long maxTrackingId(String applicationName) {
    return store.select("selecting the tracking of " + applicationName,
        connection -> tracking.maxTrackingId(connection, applicationName));
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
