package dev.eventsourcing.persistence;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the wrapped data keys of per-subject encryption ({@code CIPHER_MODE=per-subject}) beside an application's
 * events, in the same store: each data subject has at most one key record, created in the transaction of the
 * first events it encrypts, and erased by destroying its bytes. An erased record stays, so a forgotten subject
 * never gets a new key.
 *
 * <p>A part of the store that an {@link ApplicationRecorder} offers by {@link ApplicationRecorder#dataKeys()}
 * when the store supports per-subject encryption; new keys are inserted with the events that first need them, by
 * {@link ApplicationRecorder#insertEvents(List, List, Tracking)}. Safe to use from many threads.
 */
public interface DataKeyRecorder {
  /** The key record of a subject, erased or not; {@code null} if the subject has none. */
  @Nullable DataKey selectDataKey(UUID subjectId);

  /**
   * Up to {@code limit} keys that are not erased and not wrapped by the master key {@code masterKeyId}, in
   * ascending order of subject id: the keys a rotation of the master key has still to rewrap.
   */
  List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit);

  /**
   * Replaces keys by their rewrapped form, atomically. Each replacement is written only where the subject's
   * record still holds the master key id of the key selected for it: a key erased or rewrapped meanwhile is left
   * as it is.
   *
   * @param selected keys as {@link #selectDataKeysNotWrappedBy} returned them
   * @param replacements the same keys wrapped by another master key, in the same order
   * @return how many records were replaced
   */
  int updateDataKeys(List<DataKey> selected, List<DataKey> replacements);

  /**
   * Destroys a subject's key: afterwards its record is {@link DataKey#erased} and can't be replaced. A subject
   * without a record gets an erased one, so no key can be created for it later.
   */
  void eraseDataKey(UUID subjectId);
}
