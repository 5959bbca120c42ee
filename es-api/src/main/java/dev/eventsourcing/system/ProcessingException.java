package dev.eventsourcing.system;

import dev.eventsourcing.domain.EventSourcingException;

/**
 * A process application could not process an upstream notification: its policy threw, the notification could not
 * be decoded, or its results could not be recorded. Nothing was recorded for the notification, so it is processed
 * again when the application next follows its upstream application. The message names the application, the
 * upstream application and the notification id; the cause is what failed.
 */
public class ProcessingException extends EventSourcingException {
  public ProcessingException(String message, Throwable cause) {
    super(message, cause);
  }
}
