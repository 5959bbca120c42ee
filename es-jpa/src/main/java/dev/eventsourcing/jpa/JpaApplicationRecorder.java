package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/** Records an application's events with their notification ids in its events table, and selects notifications. */
public class JpaApplicationRecorder extends JpaAggregateRecorder implements ApplicationRecorder {
  private static final String NOTIFICATIONS =
      "select new dev.eventsourcing.persistence.Notification(r.notificationId, r.originatorId, r.originatorVersion,"
          + " r.topic, r.state) from EventRecord r where r.notificationId >= :start";

  public JpaApplicationRecorder(JpaStore store) {
    super(store, EventRecord.class);
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    return insertEvents(events, null);
  }

  /**
   * Inserts events, and a tracking record if given, in one transaction that holds the store's lock on the events
   * table from before the highest notification id is read until the commit.
   */
  protected List<Long> insertEvents(List<StoredEvent> events, @Nullable Tracking tracking) {
    if (events.isEmpty() && tracking == null) {
      return List.of();
    }
    String operation = events.isEmpty()
        ? "recording notification " + tracking.notificationId() + " of " + tracking.applicationName()
        : describeInsert(events);
    return store.writeEvents(operation, (session, highestId) -> {
      long lastId = highestId;
      if (tracking != null) {
        checkTracking(session, tracking);
      }
      List<Long> ids = new ArrayList<>(events.size());
      List<EventRecord> records = new ArrayList<>(events.size());
      for (StoredEvent event : events) {
        long id = ++lastId;
        ids.add(id);
        records.add(new EventRecord(
            event.originatorId(), event.originatorVersion(), event.topic(), event.state(), id));
      }
      if (!records.isEmpty()) {
        insert(session, records);
      }
      if (tracking != null) {
        session.insert(new TrackingRecord(tracking.applicationName(), tracking.notificationId()));
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
    StringBuilder query = new StringBuilder(NOTIFICATIONS);
    if (stop != null) {
      query.append(" and r.notificationId <= :stop");
    }
    if (!topics.isEmpty()) {
      query.append(" and r.topic in (:topics)");
    }
    query.append(" order by r.notificationId");
    return store.read("selecting notifications from " + start, session -> {
      SelectionQuery<Notification> select = session.createSelectionQuery(query.toString(), Notification.class)
          .setParameter("start", start)
          .setMaxResults(limit);
      if (stop != null) {
        select.setParameter("stop", stop);
      }
      if (!topics.isEmpty()) {
        select.setParameterList("topics", topics);
      }
      return select.getResultList();
    });
  }

  @Override
  public @Nullable Long maxNotificationId() {
    return store.read("selecting the highest notification id", session ->
        session.createSelectionQuery("select max(r.notificationId) from EventRecord r", Long.class)
            .getSingleResultOrNull());
  }

  /** Selects the highest notification id tracked for an upstream application. */
  protected static @Nullable Long maxTrackingId(StatelessSession session, String applicationName) {
    return session.createSelectionQuery(
            "select max(t.notificationId) from TrackingRecord t where t.applicationName = :name", Long.class)
        .setParameter("name", applicationName)
        .getSingleResultOrNull();
  }

  private void checkTracking(StatelessSession session, Tracking tracking) {
    Long max = maxTrackingId(session, tracking.applicationName());
    if (max != null && tracking.notificationId() <= max) {
      throw new RecordConflictException("application " + store.applicationName() + ": notification " + tracking.notificationId() + " of "
          + tracking.applicationName() + " is already tracked (tracked up to " + max + ")");
    }
  }
}
