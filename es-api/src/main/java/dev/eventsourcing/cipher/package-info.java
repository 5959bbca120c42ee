/**
 * Ciphers that encrypt every stored record with one key ({@link dev.eventsourcing.cipher.AesCipher}): an
 * implementation of the persistence layer's {@link dev.eventsourcing.persistence.Cipher}, named by {@code
 * CIPHER_TOPIC} (or used when only {@code CIPHER_KEY} is set). This package depends on the persistence layer, never
 * the other way round; per-subject encryption, whose data keys the stores keep, is the persistence layer's own
 * ({@link dev.eventsourcing.persistence.DataKeys}).
 */
@NullMarked
package dev.eventsourcing.cipher;

import org.jspecify.annotations.NullMarked;
