package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of a {@link TrackingRecord}: the upstream application's name and the notification id. */
// Field access stated: Hibernate 7.1 (WildFly 39) reads an id class's properties otherwise, and finds none.
@Access(AccessType.FIELD)
public final class TrackingKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private String applicationName;
  private long notificationId;

  /** For the JPA provider. */
  public TrackingKey() {
    this.applicationName = "";
  }

  public TrackingKey(String applicationName, long notificationId) {
    this.applicationName = applicationName;
    this.notificationId = notificationId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrackingKey that
        && applicationName.equals(that.applicationName)
        && notificationId == that.notificationId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(applicationName, notificationId);
  }

  @Override
  public String toString() {
    return applicationName + " #" + notificationId;
  }
}
