package dev.eventsourcing.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys of per-subject encryption: the current one ({@code CIPHER_KEY}), which wraps every new data key,
 * and others ({@code CIPHER_OTHER_KEYS}, comma-separated) also accepted for unwrapping: during a rotation, the
 * previous key, until every key it wrapped is rewrapped, and before it, the next key, so that processes not yet
 * switched to it read what switched ones write. Each is the base64 of 32 random bytes (such as {@code
 * AesCipher.createKey(32)} makes).
 *
 * <p>A master key is known in stored key records by its id: the first 8 bytes of an HMAC-SHA256 of a fixed label
 * under the key, in hex. The id names a key without revealing it. Immutable; never shows a key.
 */
public final class MasterKeys {
  /** The setting of the other accepted master keys, comma-separated. */
  public static final String CIPHER_OTHER_KEYS = "CIPHER_OTHER_KEYS";

  private static final byte[] ID_LABEL = "dev.eventsourcing master key id".getBytes(StandardCharsets.US_ASCII);

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private MasterKeys(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = keys;
  }

  /**
   * The master keys the environment configures.
   *
   * @throws ConfigurationException if {@code CIPHER_KEY} is missing, or a key is not the base64 of 32 bytes; the
   *     message names the application and the setting, never a key
   */
  public static MasterKeys of(Environment environment) {
    String current = environment.require(InfrastructureFactory.CIPHER_KEY, "per-subject encryption");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String currentId = add(keys, current, environment, InfrastructureFactory.CIPHER_KEY);
    String others = environment.get(CIPHER_OTHER_KEYS);
    if (others != null) {
      for (String key : others.split(",")) {
        if (!key.isBlank()) {
          add(keys, key, environment, CIPHER_OTHER_KEYS);
        }
      }
    }
    return new MasterKeys(currentId, Map.copyOf(keys));
  }

  /** The id of the current master key. */
  public String currentId() {
    return currentId;
  }

  /** Wraps a new data key of a subject with the current master key. */
  DataKey wrap(UUID subjectId, SecretKey dataKey) {
    byte[] wrapped = Gcm.seal(keys.get(currentId), aad(subjectId), dataKey.getEncoded(), false);
    return new DataKey(subjectId, currentId, wrapped);
  }

  /**
   * The data key a record holds.
   *
   * @throws MasterKeyException if its master key is not configured, or the record was changed
   */
  SecretKey unwrap(DataKey record) {
    SecretKey master = keys.get(record.masterKeyId());
    if (master == null) {
      throw new MasterKeyException("the data key of subject " + record.subjectId() + " is wrapped by master key "
          + record.masterKeyId() + ", which is not configured (CIPHER_KEY has id " + currentId + "): set "
          + InfrastructureFactory.CIPHER_KEY + " to that key, or add it to " + CIPHER_OTHER_KEYS);
    }
    try {
      return new SecretKeySpec(Gcm.open(master, aad(record.subjectId()), record.wrappedKey(), 0), "AES");
    } catch (CipherException e) {
      throw new MasterKeyException("the data key of subject " + record.subjectId() + " fails authentication under"
          + " master key " + record.masterKeyId() + ": the key record was changed");
    }
  }

  private static byte[] aad(UUID subjectId) {
    return ByteBuffer.allocate(16)
        .putLong(subjectId.getMostSignificantBits()).putLong(subjectId.getLeastSignificantBits()).array();
  }

  private static String add(Map<String, SecretKey> keys, String base64, Environment environment, String setting) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw environment.invalid(setting, "is not valid base64");
    }
    if (bytes.length != 32) {
      throw environment.invalid(setting, "holds a key of " + bytes.length + " bytes; per-subject encryption needs"
          + " 32-byte (AES-256) master keys (use AesCipher.createKey(32))");
    }
    SecretKey key = new SecretKeySpec(bytes, "AES");
    String id = idOf(key);
    keys.putIfAbsent(id, key);
    return id;
  }

  private static String idOf(SecretKey key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(ID_LABEL), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new CipherException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** Names the keys by their ids. */
  @Override
  public String toString() {
    return "MasterKeys[current " + currentId + ", " + (keys.size() - 1) + " other]";
  }
}
