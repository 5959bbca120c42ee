package dev.eventsourcing.persistence;

/**
 * A transient failure of the database's operation (connection lost, server down, lock timeout). Nothing was
 * written; retrying is safe.
 */
public class OperationalException extends DatabaseException {
  public OperationalException(String message) {
    super(message);
  }

  public OperationalException(String message, Throwable cause) {
    super(message, cause);
  }
}
