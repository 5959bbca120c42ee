package dev.eventsourcing.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of an application's snapshots table, {@code <name>_snapshots}: a stored event without notification id. */
@Entity
@Table(name = TableNames.SNAPSHOTS)
@IdClass(RecordKey.class)
public class SnapshotRecord extends StoredRecord {
  protected SnapshotRecord() {}

  public SnapshotRecord(UUID originatorId, int originatorVersion, String topic, byte[] state) {
    super(originatorId, originatorVersion, topic, state);
  }
}
