/**
 * The reference README's example in Java: the {@link dev.eventsourcing.examples.universe.World} aggregate and the
 * {@link dev.eventsourcing.examples.universe.Universe} application.
 */
@NullMarked
package dev.eventsourcing.examples.universe;

import org.jspecify.annotations.NullMarked;
