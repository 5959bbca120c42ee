package dev.eventsourcing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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
public class EventRecord {
  @Id
  @Column(name = "originator_id", nullable = false, updatable = false)
  private UUID originatorId;

  @Id
  @Column(name = "originator_version", nullable = false, updatable = false)
  private int originatorVersion;

  @Column(name = "topic", nullable = false, updatable = false)
  private String topic;

  @Column(name = "state", nullable = false, updatable = false)
  private byte[] state;

  @Column(name = "notification_id", nullable = false, updatable = false, unique = true)
  private long notificationId;

  protected EventRecord() {
    this.originatorId = new UUID(0, 0);
    this.topic = "";
    this.state = new byte[0];
  }

  public EventRecord(UUID originatorId, int originatorVersion, String topic, byte[] state, long notificationId) {
    this.originatorId = originatorId;
    this.originatorVersion = originatorVersion;
    this.topic = topic;
    this.state = state;
    this.notificationId = notificationId;
  }
}
