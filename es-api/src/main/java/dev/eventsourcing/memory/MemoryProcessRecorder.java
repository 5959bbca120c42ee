package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

public class MemoryProcessRecorder extends MemoryApplicationRecorder implements ProcessRecorder {
  private final Map<String, Long> maxTrackingIds = new HashMap<>();

  @Override
  protected void checkTracking(@Nullable Tracking tracking) {
    if (tracking != null) {
      Long max = maxTrackingIds.get(tracking.applicationName());
      if (tracking.overlaps(max)) {
        throw new RecordConflictException("notification " + tracking.firstNotificationId() + " of "
            + tracking.applicationName() + " is already tracked (tracked up to " + max + ")");
      }
    }
  }

  @Override
  protected void recordTracking(@Nullable Tracking tracking) {
    if (tracking != null) {
      maxTrackingIds.put(tracking.applicationName(), tracking.notificationId());
    }
  }

  @Override
  public @Nullable Long maxTrackingId(String applicationName) {
    lock.readLock().lock();
    try {
      return maxTrackingIds.get(applicationName);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean hasTrackingId(String applicationName, long notificationId) {
    Long max = maxTrackingId(applicationName);
    return max != null && max >= notificationId;
  }
}
