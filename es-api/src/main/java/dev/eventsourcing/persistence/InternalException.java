package dev.eventsourcing.persistence;

/**
 * The database reported an internal error.
 */
public class InternalException extends DatabaseException {
  public InternalException(String message) {
    super(message);
  }

  public InternalException(String message, Throwable cause) {
    super(message, cause);
  }
}
