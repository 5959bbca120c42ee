package dev.eventsourcing.persistence;

/**
 * An error reported by, or about, the database.
 */
public class DatabaseException extends PersistenceException {
  public DatabaseException(String message) {
    super(message);
  }

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
