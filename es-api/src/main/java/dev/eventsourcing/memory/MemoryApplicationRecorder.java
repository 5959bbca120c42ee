package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyConflictException;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotSupportedException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public class MemoryApplicationRecorder extends MemoryAggregateRecorder implements ApplicationRecorder {
  private final List<Notification> notifications = new ArrayList<>();
  /** In the order of the ids' 16 bytes, as databases order them. */
  private final Map<UUID, DataKey> dataKeys = new TreeMap<>(
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned));
  private final Optional<DataKeyRecorder> keys = Optional.of(new Keys());

  @Override
  public List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracking) {
    lock.writeLock().lock();
    try {
      checkTracking(tracking);
      for (DataKey key : newKeys) {
        if (dataKeys.containsKey(key.subjectId())) {
          throw new DataKeyConflictException("data subject " + key.subjectId() + " already has a key record");
        }
      }
      checkNoConflicts(events);
      for (DataKey key : newKeys) {
        dataKeys.put(key.subjectId(), key);
      }
      List<Long> ids = recordEvents(events);
      recordTracking(tracking);
      return ids;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Fails if the tracking record can't be recorded. Call with the write lock held. */
  protected void checkTracking(@Nullable Tracking tracking) {
    if (tracking != null) {
      throw new NotSupportedException("an application recorder keeps no tracking records, and is given one of "
          + tracking.applicationName() + ": record tracking with a process recorder");
    }
  }

  /** Records a tracking record already checked. Call with the write lock held. */
  protected void recordTracking(@Nullable Tracking tracking) {}

  @Override
  public Optional<DataKeyRecorder> dataKeys() {
    return keys;
  }

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

  /** The data keys, kept under the recorder's lock. */
  private final class Keys implements DataKeyRecorder {
    @Override
    public @Nullable DataKey selectDataKey(UUID subjectId) {
      lock.readLock().lock();
      try {
        return dataKeys.get(subjectId);
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit) {
      lock.readLock().lock();
      try {
        return dataKeys.values().stream()
            .filter(key -> !key.isErased() && !masterKeyId.equals(key.masterKeyId()))
            .limit(limit)
            .toList();
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public int updateDataKeys(List<DataKey> selected, List<DataKey> replacements) {
      lock.writeLock().lock();
      try {
        int updated = 0;
        for (int i = 0; i < selected.size(); i++) {
          DataKey recorded = dataKeys.get(selected.get(i).subjectId());
          if (recorded != null && !recorded.isErased()
              && Objects.equals(recorded.masterKeyId(), selected.get(i).masterKeyId())) {
            dataKeys.put(recorded.subjectId(), replacements.get(i));
            updated++;
          }
        }
        return updated;
      } finally {
        lock.writeLock().unlock();
      }
    }

    @Override
    public void eraseDataKey(UUID subjectId) {
      lock.writeLock().lock();
      try {
        dataKeys.put(subjectId, DataKey.erased(subjectId));
      } finally {
        lock.writeLock().unlock();
      }
    }
  }
}
