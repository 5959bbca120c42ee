package dev.eventsourcing.domain;

/**
 * The root of every exception the library raises. All are unchecked. Messages name what failed (application,
 * originator id and version, topic, setting) and never contain a cipher key or decrypted data.
 */
public class EventSourcingException extends RuntimeException {
  public EventSourcingException(String message) {
    super(message);
  }

  public EventSourcingException(String message, Throwable cause) {
    super(message, cause);
  }
}
