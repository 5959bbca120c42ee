package dev.eventsourcing.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of tracking records: {@code (application_name, notification_id)}. */
public class TrackingKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private String applicationName;
  private long notificationId;

  protected TrackingKey() {
    this.applicationName = "";
  }

  public TrackingKey(String applicationName, long notificationId) {
    this.applicationName = applicationName;
    this.notificationId = notificationId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrackingKey that
        && notificationId == that.notificationId
        && applicationName.equals(that.applicationName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(applicationName, notificationId);
  }
}
