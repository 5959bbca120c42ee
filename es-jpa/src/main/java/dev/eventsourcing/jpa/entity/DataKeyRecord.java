package dev.eventsourcing.jpa.entity;

import dev.eventsourcing.persistence.DataKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A data subject's wrapped data key for per-subject encryption: a row of an application's keys table. An erased key
 * keeps its row, with neither master key id nor wrapped bytes.
 */
@Entity(name = DataKeyRecord.ENTITY)
@Table(name = DataKeyRecord.TABLE)
public class DataKeyRecord {
  /** The entity's name in JPQL. */
  public static final String ENTITY = "DataKeyRecord";
  /** The logical table name, mapped to {@code <name>_keys}. */
  public static final String TABLE = "eventsourcing_keys";

  @Id
  @Column(name = "subject_id", nullable = false, updatable = false)
  private UUID subjectId;

  @Column(name = "master_key_id")
  private @Nullable String masterKeyId;

  @Column(name = "wrapped_key")
  private byte @Nullable [] wrappedKey;

  /** For the JPA provider. */
  protected DataKeyRecord() {
    this.subjectId = new UUID(0, 0);
  }

  public DataKeyRecord(DataKey key) {
    this.subjectId = key.subjectId();
    this.masterKeyId = key.masterKeyId();
    this.wrappedKey = key.wrappedKey();
  }

  public UUID subjectId() {
    return subjectId;
  }

  /** Destroys the key: the row stays, so the subject never gets a new one. */
  public void erase() {
    this.masterKeyId = null;
    this.wrappedKey = null;
  }

  /** The record as the recorders return it. */
  public DataKey toDataKey() {
    return new DataKey(subjectId, masterKeyId, wrappedKey);
  }
}
