/**
 * Event-sourced aggregates: the {@link dev.eventsourcing.domain.Aggregate} base class, the recorded {@link dev.eventsourcing.domain.DomainEvent}, topics and the library's root exception.
 */
@NullMarked
package dev.eventsourcing.domain;

import org.jspecify.annotations.NullMarked;
