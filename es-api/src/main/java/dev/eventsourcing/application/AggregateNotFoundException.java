package dev.eventsourcing.application;

import dev.eventsourcing.domain.EventSourcingException;

/**
 * Raised by the repository when no event or snapshot is stored for the requested aggregate id.
 */
public class AggregateNotFoundException extends EventSourcingException {
  public AggregateNotFoundException(String message) {
    super(message);
  }

  public AggregateNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
