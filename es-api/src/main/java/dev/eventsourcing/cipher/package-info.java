/**
 * Application-level encryption of stored events.
 */
@NullMarked
package dev.eventsourcing.cipher;

import org.jspecify.annotations.NullMarked;
