package dev.eventsourcing.persistence;

/**
 * An error of the database interface (the driver or the pool) rather than of the database itself.
 */
public class InterfaceException extends PersistenceException {
  public InterfaceException(String message) {
    super(message);
  }

  public InterfaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
