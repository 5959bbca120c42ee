package dev.eventsourcing.domain;

/**
 * Raised when a topic cannot be computed for a class, or when a stored topic cannot, or may not, be resolved to a
 * class.
 */
public class TopicException extends EventSourcingException {
  public TopicException(String message) {
    super(message);
  }

  public TopicException(String message, Throwable cause) {
    super(message, cause);
  }
}
