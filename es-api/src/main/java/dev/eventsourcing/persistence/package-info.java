/**
 * The persistence SPI: stored events, recorders, the mapper and transcoder, the event store and the infrastructure
 * factory that builds them from the environment; and per-subject encryption ({@link
 * dev.eventsourcing.persistence.DataKeys}, {@link dev.eventsourcing.persistence.MasterKeys}), which the mapper and
 * the stores' data keys carry out together. Depends on the domain layer only: ciphers, compressors and stores
 * implement its interfaces and are found by their topic or as services.
 */
@NullMarked
package dev.eventsourcing.persistence;

import org.jspecify.annotations.NullMarked;
