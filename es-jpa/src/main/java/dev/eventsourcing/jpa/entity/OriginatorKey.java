package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of an {@link EventRecord} or a {@link SnapshotRecord}: originator id and version. */
// Field access stated: Hibernate 7.1 (WildFly 39) reads an id class's properties otherwise, and finds none.
@Access(AccessType.FIELD)
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
