package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

public class MemoryAggregateRecorder implements AggregateRecorder {
  protected final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<UUID, TreeMap<Integer, StoredEvent>> eventsByOriginator = new HashMap<>();

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    lock.writeLock().lock();
    try {
      checkNoConflicts(events);
      return recordEvents(events);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<StoredEvent> selectEvents(
      UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
    lock.readLock().lock();
    try {
      TreeMap<Integer, StoredEvent> events = eventsByOriginator.get(originatorId);
      if (events == null) {
        return List.of();
      }
      NavigableMap<Integer, StoredEvent> range = events;
      if (gt != null && lte != null) {
        range = gt >= lte ? new TreeMap<>() : events.subMap(gt, false, lte, true);
      } else if (gt != null) {
        range = events.tailMap(gt, false);
      } else if (lte != null) {
        range = events.headMap(lte, true);
      }
      if (desc) {
        range = range.descendingMap();
      }
      int max = limit == null ? Integer.MAX_VALUE : limit;
      List<StoredEvent> selected = new ArrayList<>(Math.min(range.size(), max));
      for (StoredEvent event : range.values()) {
        if (selected.size() >= max) {
          break;
        }
        selected.add(event);
      }
      return selected;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Fails if an event is recorded already or repeated in the batch. Call with the write lock held. */
  protected final void checkNoConflicts(List<StoredEvent> events) {
    Set<Position> seen = events.size() > 1 ? new HashSet<>() : Set.of();
    for (StoredEvent event : events) {
      TreeMap<Integer, StoredEvent> recorded = eventsByOriginator.get(event.originatorId());
      boolean exists = recorded != null && recorded.containsKey(event.originatorVersion());
      boolean repeated =
          events.size() > 1 && !seen.add(new Position(event.originatorId(), event.originatorVersion()));
      if (exists || repeated) {
        throw new RecordConflictException("event of " + event.originatorId() + " at version "
            + event.originatorVersion() + " is " + (exists ? "already recorded" : "repeated in the batch"));
      }
    }
  }

  private record Position(UUID originatorId, int originatorVersion) {}

  /** Records events already checked for conflicts. Call with the write lock held. */
  protected List<Long> recordEvents(List<StoredEvent> events) {
    for (StoredEvent event : events) {
      eventsByOriginator.computeIfAbsent(event.originatorId(), id -> new TreeMap<>())
          .put(event.originatorVersion(), event);
    }
    return List.of();
  }
}
