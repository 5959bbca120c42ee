package dev.eventsourcing.persistence;

/**
 * A data key can't be unwrapped: the master key that wrapped it is not configured (a wrong {@code CIPHER_KEY}, or
 * a previous key missing from {@code CIPHER_OTHER_KEYS} during a rotation), or its record was changed.
 */
public class MasterKeyException extends CipherException {
  public MasterKeyException(String message) {
    super(message);
  }

  public MasterKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
