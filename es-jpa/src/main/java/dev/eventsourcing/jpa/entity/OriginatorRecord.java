package dev.eventsourcing.jpa.entity;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * The columns of an aggregate's stored event or snapshot: its originator id and version, which together are the
 * primary key (the versioned unique constraint: a second record of one version fails), its topic and its state.
 * Fields are read and written by the JPA provider; the state's bytes are not copied.
 */
@MappedSuperclass
public abstract class OriginatorRecord {
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

  /** For the JPA provider. */
  protected OriginatorRecord() {
    this.originatorId = new UUID(0, 0);
    this.topic = "";
    this.state = new byte[0];
  }

  protected OriginatorRecord(StoredEvent event) {
    this.originatorId = event.originatorId();
    this.originatorVersion = event.originatorVersion();
    this.topic = event.topic();
    this.state = event.state();
  }

  public UUID originatorId() {
    return originatorId;
  }

  public int originatorVersion() {
    return originatorVersion;
  }

  public String topic() {
    return topic;
  }

  public byte[] state() {
    return state;
  }

  /** The record as the recorders return it. */
  public StoredEvent toStoredEvent() {
    return new StoredEvent(originatorId, originatorVersion, topic, state);
  }
}
