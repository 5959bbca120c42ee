package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotSupportedException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Records an application's events with their notification ids in its events table, and selects notifications;
 * with per-subject encryption, keeps the data keys in its keys table.
 */
public class JpaApplicationRecorder extends JpaAggregateRecorder implements ApplicationRecorder {
  private final @Nullable JpaTracking tracking;
  private final Optional<DataKeyRecorder> dataKeys;
  private final String selectNotifications;
  private final String selectMaxNotification;

  public JpaApplicationRecorder(JpaStore store) {
    this(store, null);
  }

  /** A recorder that keeps tracking records in {@code tracking}, or none if it is {@code null}. */
  JpaApplicationRecorder(JpaStore store, @Nullable JpaTracking tracking) {
    super(store, store.tables().events());
    this.tracking = tracking;
    this.dataKeys = Optional.of(new JpaDataKeys(store));
    TableNames tables = store.tables();
    this.selectNotifications = "SELECT notification_id, originator_id, originator_version, topic, state FROM "
        + tables.events() + " WHERE notification_id >= ?";
    this.selectMaxNotification = "SELECT MAX(notification_id) FROM " + tables.events();
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    return insertEvents(events, List.of(), null);
  }

  /**
   * Inserts events, the data keys they are the first to need, and a tracking record if given, in one transaction
   * that holds the store's lock on the events table from before the highest notification id is read until the
   * commit.
   */
  @Override
  public List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracked) {
    if (events.isEmpty() && tracked == null) {
      return List.of();
    }
    if (tracked != null && tracking == null) {
      throw new NotSupportedException("application " + store.applicationName() + ": an application recorder keeps"
          + " no tracking records, and is given one of " + tracked.applicationName()
          + ": record tracking with a process recorder");
    }
    String operation = events.isEmpty()
        ? "recording notification " + tracked.notificationId() + " of " + tracked.applicationName()
        : describeInsert(events);
    return store.writeEvents(operation, connection -> {
      long highestId;
      if (tracked == null) {
        highestId = store.lockAndInsertEvents(connection, events, newKeys);
      } else {
        highestId = store.lockEvents(connection);
        tracking.record(connection, tracked);
        store.insertDataKeys(connection, newKeys);
        if (!events.isEmpty()) {
          store.insertEvents(connection, events, highestId + 1);
        }
      }
      List<Long> ids = new ArrayList<>(events.size());
      for (int i = 1; i <= events.size(); i++) {
        ids.add(highestId + i);
      }
      return ids;
    });
  }

  @Override
  public Optional<DataKeyRecorder> dataKeys() {
    return dataKeys;
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
    return store.select("selecting the highest notification id", connection ->
        store.withStatement(connection, selectMaxNotification, select -> {
          try (ResultSet results = select.executeQuery()) {
            results.next();
            long max = results.getLong(1);
            return results.wasNull() ? null : max;
          }
        }));
  }

  @Override
  public Subscription subscribe(Runnable listener) {
    return store.subscribe(listener);
  }
}
