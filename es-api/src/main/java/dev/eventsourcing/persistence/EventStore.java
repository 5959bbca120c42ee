package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stores domain events through a mapper and a recorder, and gets them back. Safe to use from many threads.
 *
 * <p>With per-subject encryption, the mapper's data keys are kept by the recorder's {@link
 * ApplicationRecorder#dataKeys() data keys}: the keys of subjects whose first events are stored are inserted with
 * the events, in one {@link ApplicationRecorder#insertEvents(List, List, Tracking)}. If another writer recorded a
 * subject's key first, the events are encrypted again with the recorded key and stored again.
 */
public final class EventStore {
  /** How many times a write whose new data keys conflict is encrypted again. */
  private static final int KEY_CONFLICT_ATTEMPTS = 3;

  private final Mapper mapper;
  private final ApplicationRecorder recorder;

  public EventStore(Mapper mapper, ApplicationRecorder recorder) {
    this.mapper = mapper;
    this.recorder = recorder;
  }

  public Mapper mapper() {
    return mapper;
  }

  public ApplicationRecorder recorder() {
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
   * Stores events and a tracking record atomically; the recorder must keep tracking records (a {@link
   * ProcessRecorder}).
   *
   * @throws RecordConflictException if an event conflicts or the tracking record is not beyond the recorded one
   * @throws NotSupportedException if the recorder keeps no tracking records
   */
  public List<Long> put(List<? extends DomainEvent<?>> events, Tracking tracking) {
    return put(events, tracking, Map.of());
  }

  /**
   * Stores events and, if given, a tracking record atomically; the recorder must keep tracking records (a {@link
   * ProcessRecorder}) for a tracking record.
   *
   * @param subjects the data subject of each originator whose subject is not its own id (see {@link
   *     dev.eventsourcing.domain.PersonalData}); used by per-subject encryption only
   * @throws RecordConflictException if an event conflicts or the tracking record is not beyond the recorded one
   * @throws DataErasedException if an event's subject was forgotten
   * @throws NotSupportedException if a tracking record is given and the recorder keeps none
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
    return recorder.insertEvents(stored, List.of(), tracking);
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
    for (int attempt = 1; ; attempt++) {
      DataKeys.Batch batch = keys.newBatch();
      List<StoredEvent> stored = new ArrayList<>(events.size());
      for (DomainEvent<?> event : events) {
        UUID subject = subjects.getOrDefault(event.originatorId(), event.originatorId());
        stored.add(mapper.toStoredEvent(event, subject, batch));
      }
      try {
        List<Long> ids = recorder.insertEvents(stored, batch.newKeys(), tracking);
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
