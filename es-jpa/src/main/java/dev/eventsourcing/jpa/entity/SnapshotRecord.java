package dev.eventsourcing.jpa.entity;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A snapshot of an aggregate at a version: a row of an application's snapshots table. */
@Entity(name = SnapshotRecord.ENTITY)
@Table(name = SnapshotRecord.TABLE)
@IdClass(OriginatorKey.class)
public class SnapshotRecord extends OriginatorRecord {
  /** The entity's name in JPQL. */
  public static final String ENTITY = "SnapshotRecord";
  /** The logical table name, mapped to {@code <name>_snapshots}. */
  public static final String TABLE = "eventsourcing_snapshots";

  /** For the JPA provider. */
  protected SnapshotRecord() {}

  public SnapshotRecord(StoredEvent snapshot) {
    super(snapshot);
  }
}
