/**
 * Applications: store and retrieve aggregates through a {@link dev.eventsourcing.application.Repository}, and present their events as a {@link dev.eventsourcing.application.NotificationLog}.
 */
@NullMarked
package dev.eventsourcing.application;

import org.jspecify.annotations.NullMarked;
