/**
 * The JPA store, {@code PERSISTENCE_MODULE=jpa}: an application's events (with their notification ids), snapshots,
 * tracking records and data keys as the entities of {@link dev.eventsourcing.jpa.entity}, written and read through
 * an {@link jakarta.persistence.EntityManager}, on the same tables as the JDBC stores {@code postgres} and {@code
 * sqlite}, and on H2 and MariaDB. In Java SE the store builds the application's persistence unit with Hibernate or
 * EclipseLink.
 */
@NullMarked
package dev.eventsourcing.jpa.orm;

import org.jspecify.annotations.NullMarked;
