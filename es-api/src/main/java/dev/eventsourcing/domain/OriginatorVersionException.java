package dev.eventsourcing.domain;

/**
 * Raised when an event's originator version is not exactly one more than the aggregate's version.
 */
public class OriginatorVersionException extends EventSourcingException {
  public OriginatorVersionException(String message) {
    super(message);
  }

  public OriginatorVersionException(String message, Throwable cause) {
    super(message, cause);
  }
}
