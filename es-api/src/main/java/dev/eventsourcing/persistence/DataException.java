package dev.eventsourcing.persistence;

/**
 * Stored data cannot be processed: a corrupt record, a value out of range, JSON that does not bind.
 */
public class DataException extends DatabaseException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
