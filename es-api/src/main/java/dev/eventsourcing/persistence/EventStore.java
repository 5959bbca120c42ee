package dev.eventsourcing.persistence;

import dev.eventsourcing.cipher.DataKeys;
import dev.eventsourcing.domain.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stores domain events through a mapper and a recorder, and gets them back. Safe to use from many threads.
 *
 * <p>With per-subject encryption, the recorder is a {@link DataKeyRecorder}: the keys of subjects whose first
 * events are stored are recorded in the same transaction as the events. If another writer recorded a subject's
 * key first, the events are encrypted again with the recorded key and stored again.
 */
public final class EventStore {
  /** How many times a write whose new data keys conflict is encrypted again. */
  private static final int KEY_CONFLICT_ATTEMPTS = 3;

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
    return put(events, null, Map.of());
  }

  /**
   * Stores events and a tracking record atomically; the recorder must be a {@link ProcessRecorder}.
   *
   * @throws RecordConflictException if an event conflicts or the tracking record is not beyond the recorded one
   */
  public List<Long> put(List<? extends DomainEvent<?>> events, Tracking tracking) {
    return put(events, tracking, Map.of());
  }

  /**
   * Stores events and, if given, a tracking record atomically; the recorder must be a {@link ProcessRecorder} for
   * a tracking record.
   *
   * @param subjects the data subject of each originator whose subject is not its own id (see {@link
   *     dev.eventsourcing.domain.PersonalData}); used by per-subject encryption only
   * @throws RecordConflictException if an event conflicts or the tracking record is not beyond the recorded one
   * @throws DataErasedException if an event's subject was forgotten
   */
  public List<Long> put(
      List<? extends DomainEvent<?>> events, @Nullable Tracking tracking, Map<UUID, UUID> subjects) {
    DataKeys keys = mapper.dataKeys();
    if (keys != null) {
      return putWithKeys(keys, events, tracking, subjects);
    }
    List<StoredEvent> stored = new ArrayList<>(events.size());
    for (DomainEvent<?> event : events) {
      stored.add(mapper.toStoredEvent(event));
    }
    if (tracking == null) {
      return recorder.insertEvents(stored);
    }
    if (!(recorder instanceof ProcessRecorder processRecorder)) {
      throw new ProgrammingException(
          "tracking records need a ProcessRecorder, but this event store has a " + recorder.getClass().getName());
    }
    return processRecorder.insertEvents(stored, tracking);
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

  private List<Long> putWithKeys(DataKeys keys, List<? extends DomainEvent<?>> events, @Nullable Tracking tracking,
      Map<UUID, UUID> subjects) {
    if (!(recorder instanceof DataKeyRecorder keyRecorder)) {
      throw new ProgrammingException("per-subject encryption needs a DataKeyRecorder, but this event store has a "
          + recorder.getClass().getName());
    }
    for (int attempt = 1; ; attempt++) {
      DataKeys.Batch batch = keys.newBatch();
      List<StoredEvent> stored = new ArrayList<>(events.size());
      for (DomainEvent<?> event : events) {
        UUID subject = subjects.getOrDefault(event.originatorId(), event.originatorId());
        stored.add(mapper.toStoredEvent(event, subject, batch));
      }
      try {
        List<Long> ids = keyRecorder.insertEvents(stored, batch.newKeys(), tracking);
        batch.recorded();
        return ids;
      } catch (DataKeyConflictException e) {
        if (attempt == KEY_CONFLICT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
