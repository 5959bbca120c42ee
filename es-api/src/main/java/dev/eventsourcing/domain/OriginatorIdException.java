package dev.eventsourcing.domain;

/**
 * Raised when an event is applied to an aggregate with a different id.
 */
public class OriginatorIdException extends EventSourcingException {
  public OriginatorIdException(String message) {
    super(message);
  }

  public OriginatorIdException(String message, Throwable cause) {
    super(message, cause);
  }
}
