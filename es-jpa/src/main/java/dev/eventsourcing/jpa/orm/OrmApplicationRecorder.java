package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyConflictException;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records an application's events as {@link EventRecord}s with their notification ids, and selects notifications;
 * with per-subject encryption, keeps the data keys as {@link DataKeyRecord}s.
 */
class OrmApplicationRecorder extends OrmAggregateRecorder implements ApplicationRecorder, DataKeyRecorder {
  private static final String SELECT_NOTIFICATIONS = "SELECT new " + Notification.class.getName()
      + "(e.notificationId, e.originatorId, e.originatorVersion, e.topic, e.state) FROM " + EventRecord.ENTITY + " e"
      + " WHERE e.notificationId >= :start";
  private static final String SELECT_MAX_TRACKING = "SELECT MAX(t.notificationId) FROM " + TrackingRecord.ENTITY
      + " t WHERE t.applicationName = :applicationName";
  private static final String SELECT_RECORDED_SUBJECTS = "SELECT k.subjectId FROM " + DataKeyRecord.ENTITY + " k"
      + " WHERE k.subjectId IN :subjects";
  private static final String SELECT_KEYS_NOT_WRAPPED_BY = "SELECT k FROM " + DataKeyRecord.ENTITY + " k"
      + " WHERE k.wrappedKey IS NOT NULL AND k.masterKeyId <> :masterKeyId ORDER BY k.subjectId";
  private static final String UPDATE_KEY = "UPDATE " + DataKeyRecord.ENTITY + " k"
      + " SET k.masterKeyId = :masterKeyId, k.wrappedKey = :wrappedKey"
      + " WHERE k.subjectId = :subjectId AND k.masterKeyId = :selectedMasterKeyId";

  OrmApplicationRecorder(OrmStore store) {
    super(store, EventRecord.ENTITY);
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    return insertEvents(events, List.of(), null);
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracking) {
    if (events.isEmpty() && tracking == null) {
      return List.of();
    }
    if (tracking != null && !(this instanceof ProcessRecorder)) {
      throw new ProgrammingException("application " + store.applicationName() + ": tracking records need a"
          + " ProcessRecorder, not a " + getClass().getName());
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

  @Override
  public @Nullable DataKey selectDataKey(UUID subjectId) {
    return store.read("selecting the data key of subject " + subjectId, entityManager -> {
      DataKeyRecord found = entityManager.find(DataKeyRecord.class, subjectId);
      return found == null ? null : found.toDataKey();
    });
  }

  @Override
  public List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return store.read("selecting data keys to rewrap", entityManager ->
        entityManager.createQuery(SELECT_KEYS_NOT_WRAPPED_BY, DataKeyRecord.class)
            .setParameter("masterKeyId", masterKeyId)
            .setMaxResults(limit)
            .getResultList().stream()
            .map(DataKeyRecord::toDataKey)
            .toList());
  }

  /** Under the events' lock, as the first keys of subjects are inserted, so no insert comes between. */
  @Override
  public int updateDataKeys(List<DataKey> selected, List<DataKey> replacements) {
    if (selected.isEmpty()) {
      return 0;
    }
    return store.writeEvents("rewrapping " + selected.size() + " data keys", entityManager -> {
      store.lockEvents(entityManager);
      int updated = 0;
      for (int i = 0; i < selected.size(); i++) {
        DataKey replacement = replacements.get(i);
        updated += entityManager.createQuery(UPDATE_KEY)
            .setParameter("masterKeyId", replacement.masterKeyId())
            .setParameter("wrappedKey", replacement.wrappedKey())
            .setParameter("subjectId", replacement.subjectId())
            .setParameter("selectedMasterKeyId", selected.get(i).masterKeyId())
            .executeUpdate();
      }
      return updated;
    });
  }

  /** Under the events' lock, as the first keys of subjects are inserted, so no insert comes between. */
  @Override
  public void eraseDataKey(UUID subjectId) {
    store.writeEvents("erasing the data key of subject " + subjectId, entityManager -> {
      store.lockEvents(entityManager);
      DataKeyRecord found = entityManager.find(DataKeyRecord.class, subjectId);
      if (found == null) {
        entityManager.persist(new DataKeyRecord(DataKey.erased(subjectId)));
      } else {
        found.erase();
      }
      return null;
    });
    store.removeErasedCopies();
  }

  /** Selects the highest notification id tracked for an upstream application. */
  protected static @Nullable Long maxTrackingId(EntityManager entityManager, String applicationName) {
    return entityManager.createQuery(SELECT_MAX_TRACKING, Long.class)
        .setParameter("applicationName", applicationName)
        .getSingleResult();
  }

  private void checkTracking(EntityManager entityManager, Tracking tracking) {
    Long max = maxTrackingId(entityManager, tracking.applicationName());
    if (max != null && tracking.notificationId() <= max) {
      throw new RecordConflictException("application " + store.applicationName() + ": notification "
          + tracking.notificationId() + " of " + tracking.applicationName() + " is already tracked (tracked up to "
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
