package dev.eventsourcing.jpa.entity;

import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * How far a process application has processed an upstream application's notification log: a row of its tracking
 * table, recorded in the transaction of the events the notification produced.
 */
@Entity(name = TrackingRecord.ENTITY)
@Table(name = TrackingRecord.TABLE)
@IdClass(TrackingKey.class)
public class TrackingRecord {
  /** The entity's name in JPQL. */
  public static final String ENTITY = "TrackingRecord";
  /** The logical table name, mapped to {@code <name>_tracking}. */
  public static final String TABLE = "eventsourcing_tracking";

  @Id
  @Column(name = "application_name", nullable = false, updatable = false)
  private String applicationName;

  @Id
  @Column(name = "notification_id", nullable = false, updatable = false)
  private long notificationId;

  /** For the JPA provider. */
  protected TrackingRecord() {
    this.applicationName = "";
  }

  public TrackingRecord(Tracking tracking) {
    this.applicationName = tracking.applicationName();
    this.notificationId = tracking.notificationId();
  }

  public String applicationName() {
    return applicationName;
  }

  public long notificationId() {
    return notificationId;
  }
}
