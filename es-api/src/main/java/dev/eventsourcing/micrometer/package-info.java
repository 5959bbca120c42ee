/**
 * Metrics of applications and followers through Micrometer, an optional dependency: {@link
 * dev.eventsourcing.micrometer.EventSourcingMetrics}. Nothing else in the library refers to this package.
 */
@NullMarked
package dev.eventsourcing.micrometer;

import org.jspecify.annotations.NullMarked;
