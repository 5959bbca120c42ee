/**
 * Database stores on JDBC, shared by PostgreSQL and SQLite: an application's tables and the transactions on them
 * ({@link dev.eventsourcing.jpa.JpaStore}), local or a Jakarta EE server's, on a {@link javax.sql.DataSource}; the
 * recorders; the translation of database errors into the persistence exceptions; and projections into JPA
 * entities ({@link dev.eventsourcing.jpa.JpaProjection}). The stores themselves are in {@link dev.eventsourcing.jpa.postgres} and {@link
 * dev.eventsourcing.jpa.sqlite}.
 */
@NullMarked
package dev.eventsourcing.jpa;

import org.jspecify.annotations.NullMarked;
