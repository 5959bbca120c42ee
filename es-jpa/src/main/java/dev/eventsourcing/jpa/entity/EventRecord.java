package dev.eventsourcing.jpa.entity;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A stored event with its notification id: a row of an application's events table, which is its notification log.
 * The notification id is unique, and is assigned by the store, never by a sequence or an identity column: under a
 * lock on the events table held until the transaction commits, the highest id recorded plus one onward, so ids are
 * gap-free and in commit order.
 */
@Entity(name = EventRecord.ENTITY)
@Table(name = EventRecord.TABLE)
@IdClass(OriginatorKey.class)
public class EventRecord extends OriginatorRecord {
  /** The entity's name in JPQL. */
  public static final String ENTITY = "EventRecord";
  /** The logical table name, mapped to {@code <name>_events}. */
  public static final String TABLE = "eventsourcing_events";

  @Column(name = "notification_id", nullable = false, unique = true, updatable = false)
  private long notificationId;

  /** For the JPA provider. */
  protected EventRecord() {}

  public EventRecord(StoredEvent event, long notificationId) {
    super(event);
    this.notificationId = notificationId;
  }

  public long notificationId() {
    return notificationId;
  }

  /** The record as the notification log returns it. */
  public Notification toNotification() {
    return new Notification(notificationId, originatorId(), originatorVersion(), topic(), state());
  }
}
