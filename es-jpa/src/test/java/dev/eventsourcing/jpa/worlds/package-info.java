/**
 * The reference README's World and Universe, the application the store tests run: the same classes as in
 * es-examples, which builds on es-jpa and so can't lend them.
 */
@NullMarked
package dev.eventsourcing.jpa.worlds;

import org.jspecify.annotations.NullMarked;
