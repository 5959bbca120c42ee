package dev.eventsourcing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * How far a {@link JpaProjection} has projected an upstream application's log: a row of the table {@code
 * projection_positions} in the view's database. Add this class to the persistence unit of the view's entities.
 */
@Entity
@Table(name = "projection_positions")
@IdClass(ProjectionPosition.Key.class)
public class ProjectionPosition {
  @Id
  @Column(name = "projection_name", nullable = false, updatable = false)
  private String projectionName;

  @Id
  @Column(name = "application_name", nullable = false, updatable = false)
  private String applicationName;

  @Column(name = "notification_id", nullable = false)
  private long notificationId;

  /** The primary key: the projection's and the upstream application's names. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String projectionName;
    private String applicationName;

    protected Key() {
      this("", "");
    }

    public Key(String projectionName, String applicationName) {
      this.projectionName = projectionName;
      this.applicationName = applicationName;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && projectionName.equals(that.projectionName)
          && applicationName.equals(that.applicationName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(projectionName, applicationName);
    }
  }

  protected ProjectionPosition() {
    this.projectionName = "";
    this.applicationName = "";
  }

  ProjectionPosition(String projectionName, String applicationName, long notificationId) {
    this.projectionName = projectionName;
    this.applicationName = applicationName;
    this.notificationId = notificationId;
  }

  public long notificationId() {
    return notificationId;
  }
}
