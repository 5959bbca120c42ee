package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A data subject's data key as a {@link DataKeyRecorder} stores it: wrapped (encrypted) by a master key, or
 * erased. The wrapped bytes are not copied: don't change them.
 *
 * @param subjectId the data subject whose events and snapshots the key encrypts
 * @param masterKeyId the id of the master key that wrapped the key; {@code null} when erased
 * @param wrappedKey the wrapped key; {@code null} when erased
 */
public record DataKey(UUID subjectId, @Nullable String masterKeyId, byte @Nullable [] wrappedKey) {
  public DataKey {
    Objects.requireNonNull(subjectId, "subjectId");
    if ((masterKeyId == null) != (wrappedKey == null)) {
      throw new IllegalArgumentException("a data key has both a master key id and wrapped bytes, or neither");
    }
  }

  /** The record an erased key leaves: the subject id alone. */
  public static DataKey erased(UUID subjectId) {
    return new DataKey(subjectId, null, null);
  }

  /** Whether the key was destroyed, so the subject's data can no longer be read. */
  public boolean isErased() {
    return wrappedKey == null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataKey that
        && subjectId.equals(that.subjectId)
        && Objects.equals(masterKeyId, that.masterKeyId)
        && Arrays.equals(wrappedKey, that.wrappedKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subjectId, masterKeyId, Arrays.hashCode(wrappedKey));
  }

  /** Names the subject and the master key; never shows the key's bytes. */
  @Override
  public String toString() {
    return "DataKey[" + subjectId + (isErased() ? ", erased]" : ", wrapped by " + masterKeyId + "]");
  }
}
