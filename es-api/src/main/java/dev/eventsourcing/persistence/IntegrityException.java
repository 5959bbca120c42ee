package dev.eventsourcing.persistence;

/**
 * A write would break the integrity of the store (a unique or foreign key constraint); nothing of the transaction
 * was kept.
 */
public class IntegrityException extends DatabaseException {
  public IntegrityException(String message) {
    super(message);
  }

  public IntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
