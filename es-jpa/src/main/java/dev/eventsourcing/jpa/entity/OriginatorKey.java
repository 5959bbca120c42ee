package dev.eventsourcing.jpa.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of an {@link EventRecord} or a {@link SnapshotRecord}: originator id and version. */
public final class OriginatorKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private UUID originatorId;
  private int originatorVersion;

  /** For the JPA provider. */
  public OriginatorKey() {
    this.originatorId = new UUID(0, 0);
  }

  public OriginatorKey(UUID originatorId, int originatorVersion) {
    this.originatorId = originatorId;
    this.originatorVersion = originatorVersion;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OriginatorKey that
        && originatorId.equals(that.originatorId)
        && originatorVersion == that.originatorVersion;
  }

  @Override
  public int hashCode() {
    return Objects.hash(originatorId, originatorVersion);
  }

  @Override
  public String toString() {
    return originatorId + " v" + originatorVersion;
  }
}
