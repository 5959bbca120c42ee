/**
 * Database stores through JPA (Hibernate), shared by PostgreSQL and SQLite: the entities that map stored events,
 * snapshots and tracking records to an application's tables, the recorders, the translation of database errors
 * into the persistence exceptions, and the bootstrap of a Hibernate session factory on a {@link
 * javax.sql.DataSource}. The stores themselves are in {@link dev.eventsourcing.jpa.postgres} and {@link
 * dev.eventsourcing.jpa.sqlite}.
 */
@NullMarked
package dev.eventsourcing.jpa;

import org.jspecify.annotations.NullMarked;
