package dev.eventsourcing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * The columns every row of events and snapshots has: the primary key {@code (originator_id, originator_version)},
 * which gives optimistic concurrency control, and the stored event's topic and state.
 */
@MappedSuperclass
public abstract class StoredRecord {
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

  protected StoredRecord() {
    this.originatorId = new UUID(0, 0);
    this.topic = "";
    this.state = new byte[0];
  }

  protected StoredRecord(UUID originatorId, int originatorVersion, String topic, byte[] state) {
    this.originatorId = originatorId;
    this.originatorVersion = originatorVersion;
    this.topic = topic;
    this.state = state;
  }
}
