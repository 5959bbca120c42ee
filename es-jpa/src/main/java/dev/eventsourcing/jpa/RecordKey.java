package dev.eventsourcing.jpa;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of events and snapshots: {@code (originator_id, originator_version)}. */
public class RecordKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private UUID originatorId;
  private int originatorVersion;

  protected RecordKey() {
    this.originatorId = new UUID(0, 0);
  }

  public RecordKey(UUID originatorId, int originatorVersion) {
    this.originatorId = originatorId;
    this.originatorVersion = originatorVersion;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordKey that
        && originatorVersion == that.originatorVersion
        && originatorId.equals(that.originatorId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(originatorId, originatorVersion);
  }
}
