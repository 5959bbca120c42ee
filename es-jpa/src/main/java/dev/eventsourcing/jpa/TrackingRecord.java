package dev.eventsourcing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of a process application's tracking table, {@code <name>_tracking}. */
@Entity
@Table(name = TableNames.TRACKING)
@IdClass(TrackingKey.class)
public class TrackingRecord {
  @Id
  @Column(name = "application_name", nullable = false, updatable = false)
  private String applicationName;

  @Id
  @Column(name = "notification_id", nullable = false, updatable = false)
  private long notificationId;

  protected TrackingRecord() {
    this.applicationName = "";
  }

  public TrackingRecord(String applicationName, long notificationId) {
    this.applicationName = applicationName;
    this.notificationId = notificationId;
  }
}
