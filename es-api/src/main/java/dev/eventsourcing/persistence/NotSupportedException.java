package dev.eventsourcing.persistence;

/**
 * The database does not support an operation that was requested.
 */
public class NotSupportedException extends DatabaseException {
  public NotSupportedException(String message) {
    super(message);
  }

  public NotSupportedException(String message, Throwable cause) {
    super(message, cause);
  }
}
