/**
 * Application-level encryption of stored events: one key for every record ({@link dev.eventsourcing.cipher.AesCipher}),
 * or a data key per data subject wrapped by master keys ({@link dev.eventsourcing.cipher.DataKeys}), so a
 * subject's data can be erased.
 */
@NullMarked
package dev.eventsourcing.cipher;

import org.jspecify.annotations.NullMarked;
