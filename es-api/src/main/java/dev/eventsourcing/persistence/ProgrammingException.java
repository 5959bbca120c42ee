package dev.eventsourcing.persistence;

/**
 * The database rejected a statement: a missing table, a syntax error, insufficient privileges.
 */
public class ProgrammingException extends DatabaseException {
  public ProgrammingException(String message) {
    super(message);
  }

  public ProgrammingException(String message, Throwable cause) {
    super(message, cause);
  }
}
