package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

public class MemoryApplicationRecorder extends MemoryAggregateRecorder implements ApplicationRecorder {
  private final List<Notification> notifications = new ArrayList<>();

  @Override
  protected List<Long> recordEvents(List<StoredEvent> events) {
    super.recordEvents(events);
    List<Long> ids = new ArrayList<>(events.size());
    for (StoredEvent event : events) {
      long id = notifications.size() + 1L;
      notifications.add(
          new Notification(id, event.originatorId(), event.originatorVersion(), event.topic(), event.state()));
      ids.add(id);
    }
    return ids;
  }

  @Override
  public List<Notification> selectNotifications(
      long start, int limit, @Nullable Long stop, Collection<String> topics) {
    lock.readLock().lock();
    try {
      List<Notification> selected = new ArrayList<>(Math.min(Math.max(limit, 0), 1024));
      long last = stop == null ? notifications.size() : Math.min(stop, notifications.size());
      for (long id = Math.max(start, 1); id <= last && selected.size() < limit; id++) {
        Notification notification = notifications.get((int) (id - 1));
        if (topics.isEmpty() || topics.contains(notification.topic())) {
          selected.add(notification);
        }
      }
      return selected;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public @Nullable Long maxNotificationId() {
    lock.readLock().lock();
    try {
      return notifications.isEmpty() ? null : (long) notifications.size();
    } finally {
      lock.readLock().unlock();
    }
  }
}
