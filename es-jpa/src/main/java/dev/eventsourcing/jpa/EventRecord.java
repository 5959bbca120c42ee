package dev.eventsourcing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A row of an application's events table, {@code <name>_events}. The notification id is assigned by the recorder,
 * never by a JPA generator, so that ids follow commit order and inserts batch.
 */
@Entity
@Table(name = TableNames.EVENTS)
@IdClass(RecordKey.class)
public class EventRecord extends StoredRecord {
  @Column(name = "notification_id", nullable = false, updatable = false, unique = true)
  private long notificationId;

  protected EventRecord() {}

  public EventRecord(UUID originatorId, int originatorVersion, String topic, byte[] state, long notificationId) {
    super(originatorId, originatorVersion, topic, state);
    this.notificationId = notificationId;
  }
}
