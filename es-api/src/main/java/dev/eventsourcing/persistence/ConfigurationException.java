package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.EventSourcingException;

/**
 * Raised at construction when a setting is missing or invalid; the message names the setting and what would be
 * valid.
 */
public class ConfigurationException extends EventSourcingException {
  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
