package dev.eventsourcing.bench;

import dev.eventsourcing.bench.jdbc.EventCodec;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a measurement's store does besides recording plain JSON, for the library and the baseline alike.
 *
 * @param aesKey when set, events are compressed with zlib and encrypted with AES-GCM under this key (base64)
 * @param snapshots whether snapshots are kept, and aggregates rebuilt from their latest one
 * @param perSubject whether the library encrypts with a data key per world, wrapped by {@code aesKey}
 *     ({@code CIPHER_MODE=per-subject}) rather than with {@code aesKey} itself; the baseline encrypts with {@code
 *     aesKey} either way
 */
public record Features(@Nullable String aesKey, boolean snapshots, boolean perSubject) {
  public static final Features PLAIN = new Features(null, false, false);

  /** The library's settings for these features. */
  public Map<String, String> libraryEnvironment() {
    Map<String, String> environment = new HashMap<>();
    if (aesKey != null) {
      environment.put(InfrastructureFactory.COMPRESSOR_TOPIC, "dev.eventsourcing.compressor:ZlibCompressor");
      if (perSubject) {
        environment.put(InfrastructureFactory.CIPHER_MODE, "per-subject");
      } else {
        environment.put(InfrastructureFactory.CIPHER_TOPIC, "dev.eventsourcing.cipher:AesCipher");
      }
      environment.put(InfrastructureFactory.CIPHER_KEY, aesKey);
    }
    environment.put(InfrastructureFactory.IS_SNAPSHOTTING_ENABLED, Boolean.toString(snapshots));
    return environment;
  }

  /** The baseline's encoding for these features. */
  public EventCodec codec() {
    return new EventCodec(aesKey != null, aesKey);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "Features[" + (aesKey == null ? "JSON" : perSubject ? "zlib+per-subject keys" : "zlib+AES")
        + (snapshots ? ", snapshots" : "") + "]";
  }
}
