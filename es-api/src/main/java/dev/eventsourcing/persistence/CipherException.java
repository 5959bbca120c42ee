package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.EventSourcingException;

/**
 * Raised when stored bytes cannot be decrypted: a wrong key, or bytes changed after encryption (AES-GCM
 * authenticates every record), or when a cipher cannot be configured.
 */
public class CipherException extends EventSourcingException {
  public CipherException(String message) {
    super(message);
  }

  public CipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
