package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.ProgrammingException;
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
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records an application's events with their notification ids in its events table, and selects notifications;
 * with per-subject encryption, keeps the data keys in its keys table.
 */
public class JpaApplicationRecorder extends JpaAggregateRecorder implements ApplicationRecorder, DataKeyRecorder {
  private final String selectNotifications;
  private final String selectMaxTracking;
  private final String insertTracking;
  private final String selectMaxNotification;
  private final String selectKey;
  private final String selectKeysNotWrappedBy;
  private final String updateKey;
  private final String eraseKey;

  public JpaApplicationRecorder(JpaStore store) {
    super(store, store.tables().events());
    TableNames tables = store.tables();
    this.selectNotifications = "SELECT notification_id, originator_id, originator_version, topic, state FROM "
        + tables.events() + " WHERE notification_id >= ?";
    this.selectMaxTracking = "SELECT MAX(notification_id) FROM " + tables.tracking() + " WHERE application_name = ?";
    this.selectMaxNotification = "SELECT MAX(notification_id) FROM " + tables.events();
    this.insertTracking = "INSERT INTO " + tables.tracking() + " (application_name, notification_id) VALUES (?, ?)";
    this.selectKey = "SELECT master_key_id, wrapped_key FROM " + tables.keys() + " WHERE subject_id = ?";
    this.selectKeysNotWrappedBy = "SELECT subject_id, master_key_id, wrapped_key FROM " + tables.keys()
        + " WHERE wrapped_key IS NOT NULL AND master_key_id <> ? ORDER BY subject_id LIMIT ?";
    this.updateKey = "UPDATE " + tables.keys() + " SET master_key_id = ?, wrapped_key = ?"
        + " WHERE subject_id = ? AND master_key_id = ?";
    this.eraseKey = "INSERT INTO " + tables.keys() + " (subject_id, master_key_id, wrapped_key) VALUES (?, NULL, NULL)"
        + " ON CONFLICT (subject_id) DO UPDATE SET master_key_id = NULL, wrapped_key = NULL";
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
    return store.writeEvents(operation, connection -> {
      long highestId;
      if (tracking == null) {
        highestId = store.lockAndInsertEvents(connection, events, newKeys);
      } else {
        highestId = store.lockEvents(connection);
        checkTracking(connection, tracking);
        store.insertDataKeys(connection, newKeys);
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
  public @Nullable DataKey selectDataKey(UUID subjectId) {
    return store.select("selecting the data key of subject " + subjectId, connection ->
        store.withStatement(connection, selectKey, select -> {
          store.setUuid(select, 1, subjectId);
          try (ResultSet results = select.executeQuery()) {
            return results.next() ? new DataKey(subjectId, results.getString(1), results.getBytes(2)) : null;
          }
        }));
  }

  @Override
  public List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit) {
    return store.select("selecting data keys to rewrap", connection ->
        store.withStatement(connection, selectKeysNotWrappedBy, select -> {
          select.setString(1, masterKeyId);
          select.setInt(2, limit);
          List<DataKey> keys = new ArrayList<>();
          try (ResultSet results = select.executeQuery()) {
            while (results.next()) {
              keys.add(new DataKey(store.getUuid(results, 1), results.getString(2), results.getBytes(3)));
            }
          }
          return keys;
        }));
  }

  @Override
  public int updateDataKeys(List<DataKey> selected, List<DataKey> replacements) {
    if (selected.isEmpty()) {
      return 0;
    }
    return store.writeEvents("rewrapping " + selected.size() + " data keys", connection ->
        store.withStatement(connection, updateKey, update -> {
          int updated = 0;
          for (int i = 0; i < selected.size(); i++) {
            DataKey replacement = replacements.get(i);
            update.setString(1, replacement.masterKeyId());
            update.setBytes(2, replacement.wrappedKey());
            store.setUuid(update, 3, replacement.subjectId());
            update.setString(4, selected.get(i).masterKeyId());
            updated += update.executeUpdate();
          }
          return updated;
        }));
  }

  @Override
  public void eraseDataKey(UUID subjectId) {
    String operation = "erasing the data key of subject " + subjectId;
    store.writeEvents(operation, connection ->
        store.withStatement(connection, eraseKey, erase -> {
          store.setUuid(erase, 1, subjectId);
          return erase.executeUpdate();
        }));
    store.select(operation, connection -> {
      store.removeErasedCopies(connection);
      return null;
    });
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
