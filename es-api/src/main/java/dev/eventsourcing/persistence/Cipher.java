package dev.eventsourcing.persistence;

/**
 * Encrypts stored state, and decrypts it, inside the application, so events are encrypted on the wire and at
 * rest. Configured with {@code CIPHER_TOPIC}; an implementation has a public constructor taking the {@link
 * Environment}, or none. Implementations are safe to use from many threads.
 */
public interface Cipher {
  /** Encrypts plaintext; encrypting the same plaintext twice gives different bytes. */
  byte[] encrypt(byte[] plaintext);

  /**
   * Decrypts what {@link #encrypt(byte[])} returned.
   *
   * @throws CipherException if the key is wrong or the bytes were changed
   */
  byte[] decrypt(byte[] ciphertext);
}
