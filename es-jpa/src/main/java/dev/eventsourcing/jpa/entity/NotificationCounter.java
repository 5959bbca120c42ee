package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The highest notification id of an application's events, in the one row of its counter table, on databases that
 * have no lock of a table that the store takes (neither PostgreSQL nor SQLite, such as H2 and MariaDB). A writer of
 * events reads the row with {@code PESSIMISTIC_WRITE} first in its transaction, so the row's lock keeps the other
 * writers out until it commits; its events get the ids after the count, and the count is advanced to the last of
 * them in the same transaction.
 */
@Entity(name = NotificationCounter.ENTITY)
@Table(name = NotificationCounter.TABLE)
public class NotificationCounter {
  /** The entity's name in JPQL. */
  public static final String ENTITY = "NotificationCounter";
  /** The logical table name, mapped to {@code <name>_counter}. */
  public static final String TABLE = "eventsourcing_counter";
  /** The id of the one row. */
  public static final int ID = 1;

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private int id;

  @Column(name = "notification_id", nullable = false)
  private long notificationId;

  /** For the JPA provider. */
  protected NotificationCounter() {
    this.id = ID;
  }

  /** The highest notification id assigned, 0 before the first event. */
  public long notificationId() {
    return notificationId;
  }

  /** Records that the ids up to {@code notificationId} are assigned. */
  public void advanceTo(long notificationId) {
    if (notificationId < this.notificationId) {
      throw new IllegalArgumentException("notification id " + notificationId + " is below the count "
          + this.notificationId);
    }
    this.notificationId = notificationId;
  }
}
