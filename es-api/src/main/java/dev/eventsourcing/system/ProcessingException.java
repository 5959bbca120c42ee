package dev.eventsourcing.system;

import dev.eventsourcing.domain.EventSourcingException;

/**
 * A process application or a projection could not process an upstream notification: its policy (or the view's
 * code) threw, the notification could not be decoded, or the results could not be recorded. Nothing was recorded
 * for the notification, so it is processed again when processing is next started. The message names the
 * application or projection, the upstream application and the notification id; the cause is what failed.
 */
public class ProcessingException extends EventSourcingException {
  public ProcessingException(String message, Throwable cause) {
    super(message, cause);
  }
}
