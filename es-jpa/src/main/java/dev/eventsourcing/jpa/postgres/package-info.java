/**
 * The PostgreSQL store, {@code PERSISTENCE_MODULE=postgres}: each application's events, snapshots and tracking
 * records in its own tables, writers of events serialised by a table lock so that notification ids are gap-free
 * and follow commit order.
 */
@NullMarked
package dev.eventsourcing.jpa.postgres;

import org.jspecify.annotations.NullMarked;
