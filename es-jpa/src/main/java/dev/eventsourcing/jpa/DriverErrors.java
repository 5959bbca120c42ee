package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.PersistenceException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A store's reading of its driver's own error codes, for the exceptions whose SQLState is missing or says too
 * little: the part of {@link JpaErrors}' translation that depends on one database, so that nothing else needs its
 * driver. It is asked first, for every {@link SQLException} of a failure; where it answers {@code null}, the
 * SQLState is read.
 */
@FunctionalInterface
public interface DriverErrors {
  /** For drivers that report every failure with a SQLState, such as PostgreSQL's. */
  DriverErrors NONE = (e, message, failure) -> null;

  /**
   * The persistence exception for {@code e}, or {@code null} if its codes say nothing this store knows.
   *
   * @param message what the translated exception says
   * @param failure what the translated exception holds as its cause
   */
  @Nullable PersistenceException translate(SQLException e, String message, Throwable failure);
}
