package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyConflictException;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotSupportedException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records an application's events as {@link EventRecord}s with their notification ids, and selects notifications;
 * with per-subject encryption, inserts the first data keys of subjects with the events, as {@link DataKeyRecord}s,
 * and its {@link OrmDataKeys} keep them.
 */
class OrmApplicationRecorder extends OrmAggregateRecorder implements ApplicationRecorder {
  private static final String SELECT_NOTIFICATIONS = "SELECT new " + Notification.class.getName()
      + "(e.notificationId, e.originatorId, e.originatorVersion, e.topic, e.state) FROM " + EventRecord.ENTITY + " e"
      + " WHERE e.notificationId >= :start";
  private static final String SELECT_MAX_TRACKING = "SELECT MAX(t.notificationId) FROM " + TrackingRecord.ENTITY
      + " t WHERE t.applicationName = :applicationName";
  private static final String SELECT_RECORDED_SUBJECTS = "SELECT k.subjectId FROM " + DataKeyRecord.ENTITY + " k"
      + " WHERE k.subjectId IN :subjects";

  private final boolean keepsTracking;
  private final OrmDataKeys dataKeys;

  /** @param keepsTracking whether it records tracking records, as a process recorder does */
  OrmApplicationRecorder(OrmStore store, boolean keepsTracking) {
    super(store, EventRecord.ENTITY);
    this.keepsTracking = keepsTracking;
    this.dataKeys = new OrmDataKeys(store);
  }

  @Override
  public Optional<DataKeyRecorder> dataKeys() {
    return Optional.of(dataKeys);
  }

  /** Not the snapshots' insert, which this class inherits: the one insert of events. */
  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    return insertEvents(events, List.of(), null);
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracking) {
    if (events.isEmpty() && tracking == null) {
      return List.of();
    }
    if (tracking != null && !keepsTracking) {
      throw new NotSupportedException("application " + store.applicationName() + ": its recorder keeps no tracking"
          + " records (a process application's does): notification " + tracking.notificationId() + " of "
          + tracking.applicationName() + " is not recorded");
    }
    String operation = events.isEmpty()
        ? "recording notification " + tracking.notificationId() + " of " + tracking.applicationName()
        : describeInsert(events);
    return store.writeEvents(operation, entityManager -> {
      long highestId = store.lockEvents(entityManager);
      if (tracking != null) {
        checkTracking(entityManager, tracking);
      }
      insertDataKeys(entityManager, newKeys);
      List<Long> ids = new ArrayList<>(events.size());
      for (StoredEvent event : events) {
        long id = highestId + ids.size() + 1;
        entityManager.persist(new EventRecord(event, id));
        ids.add(id);
      }
      if (tracking != null) {
        entityManager.persist(new TrackingRecord(tracking));
      }
      if (!ids.isEmpty()) {
        store.assigned(entityManager, ids.get(ids.size() - 1));
      }
      return ids;
    });
  }

  @Override
  public List<Notification> selectNotifications(
      long start, int limit, @Nullable Long stop, Collection<String> topics) {
    if (limit <= 0) {
      return List.of();
    }
    String query = SELECT_NOTIFICATIONS
        + (stop != null ? " AND e.notificationId <= :stop" : "")
        + (topics.isEmpty() ? "" : " AND e.topic IN :topics")
        + " ORDER BY e.notificationId";
    return store.read("selecting notifications from " + start, entityManager -> {
      TypedQuery<Notification> select = entityManager.createQuery(query, Notification.class)
          .setParameter("start", start)
          .setMaxResults(limit);
      if (stop != null) {
        select.setParameter("stop", stop);
      }
      if (!topics.isEmpty()) {
        select.setParameter("topics", topics);
      }
      return select.getResultList();
    });
  }

  @Override
  public @Nullable Long maxNotificationId() {
    return store.read("selecting the highest notification id", store::maxNotificationId);
  }

  /** Selects the highest notification id tracked for an upstream application. */
  protected static @Nullable Long maxTrackingId(EntityManager entityManager, String applicationName) {
    return entityManager.createQuery(SELECT_MAX_TRACKING, Long.class)
        .setParameter("applicationName", applicationName)
        .getSingleResult();
  }

  private void checkTracking(EntityManager entityManager, Tracking tracking) {
    Long max = maxTrackingId(entityManager, tracking.applicationName());
    if (tracking.overlaps(max)) {
      throw new RecordConflictException("application " + store.applicationName() + ": notification "
          + tracking.firstNotificationId() + " of " + tracking.applicationName() + " is already tracked (tracked up to "
          + max + ")");
    }
  }

  /**
   * Inserts the data keys of subjects that have no key record.
   *
   * @throws DataKeyConflictException if one has
   */
  private void insertDataKeys(EntityManager entityManager, List<DataKey> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<UUID> subjects = keys.stream().map(DataKey::subjectId).toList();
    List<UUID> recorded = entityManager.createQuery(SELECT_RECORDED_SUBJECTS, UUID.class)
        .setParameter("subjects", subjects)
        .getResultList();
    if (!recorded.isEmpty()) {
      throw keyConflict(keys.stream().filter(key -> recorded.contains(key.subjectId())).toList());
    }
    for (DataKey key : keys) {
      entityManager.persist(new DataKeyRecord(key));
    }
  }

  private DataKeyConflictException keyConflict(List<DataKey> keys) {
    List<Object> subjects = keys.stream().limit(10).<Object>map(DataKey::subjectId).toList();
    return new DataKeyConflictException("application " + store.applicationName() + ": "
        + (keys.size() == 1 ? "data subject " + subjects.get(0) : "a data subject of " + subjects
            + (keys.size() > subjects.size() ? " and " + (keys.size() - subjects.size()) + " more" : ""))
        + " already has a key record");
  }
}
