package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Records an application's events with their notification ids in its events table, and selects notifications. */
public class JpaApplicationRecorder extends JpaAggregateRecorder implements ApplicationRecorder {
  private final String selectNotifications;
  private final String selectMaxTracking;
  private final String insertTracking;

  public JpaApplicationRecorder(JpaStore store) {
    super(store, store.tables().events());
    TableNames tables = store.tables();
    this.selectNotifications = "SELECT notification_id, originator_id, originator_version, topic, state FROM "
        + tables.events() + " WHERE notification_id >= ?";
    this.selectMaxTracking = "SELECT MAX(notification_id) FROM " + tables.tracking() + " WHERE application_name = ?";
    this.insertTracking = "INSERT INTO " + tables.tracking() + " (application_name, notification_id) VALUES (?, ?)";
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
    return store.writeEvents(operation, connection -> {
      long highestId;
      if (tracking == null) {
        highestId = store.lockAndInsertEvents(connection, events);
      } else {
        highestId = store.lockEvents(connection);
        checkTracking(connection, tracking);
        if (!events.isEmpty()) {
          store.insertEvents(connection, events, highestId + 1);
        }
        store.withStatement(connection, insertTracking, insert -> {
          insert.setString(1, tracking.applicationName());
          insert.setLong(2, tracking.notificationId());
          return insert.executeUpdate();
        });
      }
      List<Long> ids = new ArrayList<>(events.size());
      for (int i = 1; i <= events.size(); i++) {
        ids.add(highestId + i);
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
    StringBuilder query = new StringBuilder(selectNotifications);
    if (stop != null) {
      query.append(" AND notification_id <= ?");
    }
    if (!topics.isEmpty()) {
      query.append(" AND topic IN (?").append(", ?".repeat(topics.size() - 1)).append(')');
    }
    query.append(" ORDER BY notification_id LIMIT ?");
    return store.select("selecting notifications from " + start, connection -> {
      return store.withStatement(connection, query.toString(), select -> {
        int parameter = 1;
        select.setLong(parameter++, start);
        if (stop != null) {
          select.setLong(parameter++, stop);
        }
        for (String topic : topics) {
          select.setString(parameter++, topic);
        }
        select.setInt(parameter, limit);
        List<Notification> notifications = new ArrayList<>(Math.min(limit, 1024));
        try (ResultSet results = select.executeQuery()) {
          while (results.next()) {
            notifications.add(new Notification(results.getLong(1), store.getUuid(results, 2), results.getInt(3),
                results.getString(4), results.getBytes(5)));
          }
        }
        return notifications;
      });
    });
  }

  @Override
  public @Nullable Long maxNotificationId() {
    return store.read("selecting the highest notification id", session ->
        session.createSelectionQuery("select max(r.notificationId) from EventRecord r", Long.class)
            .getSingleResultOrNull());
  }

  @Override
  public Subscription subscribe(Runnable listener) {
    return store.subscribe(listener);
  }

  /** Selects the highest notification id tracked for an upstream application. */
  protected @Nullable Long maxTrackingId(Connection connection, String applicationName) throws SQLException {
    return store.withStatement(connection, selectMaxTracking, select -> {
      select.setString(1, applicationName);
      try (ResultSet results = select.executeQuery()) {
        results.next();
        long max = results.getLong(1);
        return results.wasNull() ? null : max;
      }
    });
  }

  private void checkTracking(Connection connection, Tracking tracking) throws SQLException {
    Long max = maxTrackingId(connection, tracking.applicationName());
    if (max != null && tracking.notificationId() <= max) {
      throw new RecordConflictException("application " + store.applicationName() + ": notification "
          + tracking.notificationId() + " of " + tracking.applicationName() + " is already tracked (tracked up to "
          + max + ")");
    }
  }
}
