package dev.eventsourcing.persistence;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM through the JDK with a random 96-bit nonce and associated data, for per-subject encryption. */
final class Gcm {
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new CipherException("AES/GCM is not available in this JDK", e);
    }
  });

  private Gcm() {}

  /** {@code aad} (if {@code prependAad}), the nonce, then the ciphertext and its tag; {@code aad} authenticated. */
  static byte[] seal(SecretKey key, byte[] aad, byte[] plaintext, boolean prependAad) {
    int prefix = prependAad ? aad.length : 0;
    byte[] result = new byte[prefix + NONCE_BYTES + plaintext.length + TAG_BYTES];
    System.arraycopy(aad, 0, result, 0, prefix);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    System.arraycopy(nonce, 0, result, prefix, NONCE_BYTES);
    Cipher cipher = CIPHERS.get();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad);
      cipher.doFinal(plaintext, 0, plaintext.length, result, prefix + NONCE_BYTES);
      return result;
    } catch (GeneralSecurityException e) {
      throw new CipherException("AES/GCM encryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The plaintext of what {@link #seal} wrote from {@code offset} on (the nonce first), under {@code aad}. */
  static byte[] open(SecretKey key, byte[] aad, byte[] sealed, int offset) {
    if (sealed.length < offset + NONCE_BYTES + TAG_BYTES) {
      throw new CipherException("encrypted record is too short (" + sealed.length + " bytes) to be AES/GCM");
    }
    Cipher cipher = CIPHERS.get();
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, offset, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new CipherException("AES/GCM authentication failed: wrong key, or the record was changed");
    } catch (GeneralSecurityException e) {
      throw new CipherException("AES/GCM decryption failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
