package dev.eventsourcing.cipher;

import dev.eventsourcing.persistence.Cipher;
import dev.eventsourcing.persistence.CipherException;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in GCM mode (authenticated encryption) with a random 96-bit nonce for every record, using the JDK's
 * provider. A record is the nonce followed by the ciphertext and its 128-bit tag. Decrypting with a wrong key, or
 * bytes changed after encryption, raises {@link CipherException}, never garbage.
 *
 * <p>Configured with {@code CIPHER_TOPIC=dev.eventsourcing.cipher:AesCipher} and {@code CIPHER_KEY}, the base64 of
 * a 16, 24 or 32 byte key, made with {@link #createKey(int)}. Keep the key out of source control and logs.
 */
public final class AesCipher implements Cipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final ThreadLocal<javax.crypto.Cipher> ciphers =
      ThreadLocal.withInitial(
          () -> {
            try {
              return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new CipherException("AES/GCM is not available in this JDK", e);
            }
          });

  /**
   * A cipher with the key in {@code CIPHER_KEY}.
   *
   * @throws ConfigurationException if the key is missing or not the base64 of 16, 24 or 32 bytes; the message
   *     names the application and the setting as given, never the key
   */
  public AesCipher(Environment environment) {
    this.key = parse(environment.require(InfrastructureFactory.CIPHER_KEY, "AES encryption"),
        problem -> environment.invalid(InfrastructureFactory.CIPHER_KEY, problem));
  }

  /** A cipher with a base64-encoded key of 16, 24 or 32 bytes. */
  public AesCipher(String base64Key) {
    this.key = parse(base64Key, problem -> new ConfigurationException("the AES key " + problem));
  }

  private static SecretKeySpec parse(String base64Key, Function<String, ConfigurationException> invalid) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw invalid.apply("is not valid base64");
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw invalid.apply(
          "decodes to " + bytes.length + " bytes; AES needs 16, 24 or 32 (use AesCipher.createKey(32))");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** A new random key of {@code numBytes} (16, 24 or 32) bytes, base64-encoded. */
  public static String createKey(int numBytes) {
    if (numBytes != 16 && numBytes != 24 && numBytes != 32) {
      throw new IllegalArgumentException("AES keys have 16, 24 or 32 bytes, not " + numBytes);
    }
    byte[] bytes = new byte[numBytes];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public byte[] encrypt(byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    javax.crypto.Cipher cipher = ciphers.get();
    try {
      cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] result = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(nonce, 0, result, 0, NONCE_BYTES);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, result, NONCE_BYTES);
      return written + NONCE_BYTES == result.length ? result : Arrays.copyOf(result, written + NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new CipherException("AES/GCM encryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext) {
    if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new CipherException("encrypted record is too short (" + ciphertext.length + " bytes) to be AES/GCM");
    }
    javax.crypto.Cipher cipher = ciphers.get();
    try {
      cipher.init(
          javax.crypto.Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
      return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new CipherException("AES/GCM authentication failed: wrong cipher key, or the record was changed");
    } catch (GeneralSecurityException e) {
      throw new CipherException("AES/GCM decryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "AesCipher[" + key.getEncoded().length * 8 + " bit]";
  }
}
