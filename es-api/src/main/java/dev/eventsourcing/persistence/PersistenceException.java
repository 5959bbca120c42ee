package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.EventSourcingException;

/**
 * The root of persistence errors, in the families of JDBC and Python's PEP 249.
 */
public class PersistenceException extends EventSourcingException {
  public PersistenceException(String message) {
    super(message);
  }

  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
