package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** The tracking table of a process application: what a process recorder keeps beside its events. */
final class JpaTracking {
  private final JpaStore store;
  private final String selectMax;
  private final String insert;

  JpaTracking(JpaStore store) {
    this.store = store;
    String table = store.tables().tracking();
    this.selectMax = "SELECT MAX(notification_id) FROM " + table + " WHERE application_name = ?";
    this.insert = "INSERT INTO " + table + " (application_name, notification_id) VALUES (?, ?)";
  }

  /** The highest notification id tracked for an upstream application. */
  @Nullable Long maxTrackingId(Connection connection, String applicationName) throws SQLException {
    return store.withStatement(connection, selectMax, select -> {
      select.setString(1, applicationName);
      try (ResultSet results = select.executeQuery()) {
        results.next();
        long max = results.getLong(1);
        return results.wasNull() ? null : max;
      }
    });
  }

  /** Records a tracking record, in a transaction that holds the lock on the events table. */
  void record(Connection connection, Tracking tracking) throws SQLException {
    Long max = maxTrackingId(connection, tracking.applicationName());
    if (tracking.overlaps(max)) {
      throw new RecordConflictException("application " + store.applicationName() + ": notification "
          + tracking.firstNotificationId() + " of " + tracking.applicationName() + " is already tracked (tracked up to "
          + max + ")");
    }
    store.withStatement(connection, insert, statement -> {
      statement.setString(1, tracking.applicationName());
      statement.setLong(2, tracking.notificationId());
      return statement.executeUpdate();
    });
  }
}
