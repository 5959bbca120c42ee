/**
 * Event-driven systems: following other applications' notification logs.
 */
@NullMarked
package dev.eventsourcing.system;

import org.jspecify.annotations.NullMarked;
