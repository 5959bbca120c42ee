/**
 * The SQLite store, {@code PERSISTENCE_MODULE=sqlite}: a database file in WAL mode (or an in-memory database),
 * each application's events, snapshots and tracking records in its own tables, one writer at a time in {@code
 * BEGIN IMMEDIATE} transactions.
 */
@NullMarked
package dev.eventsourcing.jpa.sqlite;

import org.jspecify.annotations.NullMarked;
