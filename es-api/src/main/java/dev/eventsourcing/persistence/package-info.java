/**
 * The persistence SPI: stored events, recorders, the mapper and transcoder, the event store and the infrastructure factory that builds them from the environment.
 */
@NullMarked
package dev.eventsourcing.persistence;

import org.jspecify.annotations.NullMarked;
