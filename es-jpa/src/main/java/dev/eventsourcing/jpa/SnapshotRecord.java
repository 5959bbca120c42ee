package dev.eventsourcing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of an application's snapshots table, {@code <name>_snapshots}: a stored event without notification id. */
@Entity
@Table(name = TableNames.SNAPSHOTS)
@IdClass(RecordKey.class)
public class SnapshotRecord {
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

  protected SnapshotRecord() {
    this.originatorId = new UUID(0, 0);
    this.topic = "";
    this.state = new byte[0];
  }

  public SnapshotRecord(UUID originatorId, int originatorVersion, String topic, byte[] state) {
    this.originatorId = originatorId;
    this.originatorVersion = originatorVersion;
    this.topic = topic;
    this.state = state;
  }
}
