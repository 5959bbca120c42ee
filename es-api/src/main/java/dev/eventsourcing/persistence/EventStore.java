package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stores domain events through a mapper and a recorder, and gets them back. Safe to use from many threads.
 */
public final class EventStore {
  private final Mapper mapper;
  private final AggregateRecorder recorder;

  public EventStore(Mapper mapper, AggregateRecorder recorder) {
    this.mapper = mapper;
    this.recorder = recorder;
  }

  public Mapper mapper() {
    return mapper;
  }

  public AggregateRecorder recorder() {
    return recorder;
  }

  /**
   * Stores events atomically: all or none.
   *
   * @return their notification ids, if the recorder gives them
   * @throws RecordConflictException if an event's originator version is already recorded
   */
  public List<Long> put(List<? extends DomainEvent<?>> events) {
    return recorder.insertEvents(toStoredEvents(events));
  }

  /**
   * Stores events and a tracking record atomically; the recorder must be a {@link ProcessRecorder}.
   *
   * @throws RecordConflictException if an event conflicts or the tracking record is not beyond the recorded one
   */
  public List<Long> put(List<? extends DomainEvent<?>> events, Tracking tracking) {
    if (!(recorder instanceof ProcessRecorder processRecorder)) {
      throw new ProgrammingException(
          "tracking records need a ProcessRecorder, but this event store has a " + recorder.getClass().getName());
    }
    return processRecorder.insertEvents(toStoredEvents(events), tracking);
  }

  /** One aggregate's events, by version; the parameters are those of {@link AggregateRecorder#selectEvents}. */
  public List<DomainEvent<?>> get(
      UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
    List<StoredEvent> stored = recorder.selectEvents(originatorId, gt, lte, desc, limit);
    List<DomainEvent<?>> events = new ArrayList<>(stored.size());
    for (StoredEvent event : stored) {
      events.add(mapper.toDomainEvent(event));
    }
    return events;
  }

  private List<StoredEvent> toStoredEvents(List<? extends DomainEvent<?>> events) {
    List<StoredEvent> stored = new ArrayList<>(events.size());
    for (DomainEvent<?> event : events) {
      stored.add(mapper.toStoredEvent(event));
    }
    return stored;
  }
}
