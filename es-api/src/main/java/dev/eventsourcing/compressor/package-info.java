/**
 * Compression of stored events.
 */
@NullMarked
package dev.eventsourcing.compressor;

import org.jspecify.annotations.NullMarked;
