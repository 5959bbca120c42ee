/**
 * The in-memory store (Python's {@code popo}): recorders that keep stored events in memory, for tests and development.
 */
@NullMarked
package dev.eventsourcing.memory;

import org.jspecify.annotations.NullMarked;
