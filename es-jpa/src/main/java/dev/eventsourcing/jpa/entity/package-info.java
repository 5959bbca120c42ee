/**
 * The library's tables as JPA entities, for the {@code jpa} store and for queries of one's own: {@link EventRecord}
 * (the events, with their notification ids: the notification log), {@link SnapshotRecord}, {@link TrackingRecord}
 * and {@link DataKeyRecord}. They use JPA 3.1 features only. Their table names are logical ({@code
 * eventsourcing_events} and so on): the {@code jpa} store maps them to one application's tables ({@code
 * <name>_events}) in the persistence unit it builds for the application.
 */
@NullMarked
package dev.eventsourcing.jpa.entity;

import org.jspecify.annotations.NullMarked;
