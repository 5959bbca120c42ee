package dev.eventsourcing.jpa.orm;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Where the JPA store's entity managers come from, and how its transactions begin and end: a persistence unit of
 * the store's own in resource-local transactions ({@link LocalUnit}), or a server's container-managed entity
 * manager in JTA transactions ({@link JtaUnit}).
 */
interface OrmUnit extends AutoCloseable {
  /** Runs reads, outside a transaction of the store's. */
  <T> T read(Function<EntityManager, T> work) throws Exception;

  /**
   * Runs {@code work} in one transaction, flushed before it returns: committed if it returns, rolled back if
   * anything fails. A unit that joins the caller's transaction runs it there, and marks it for rollback if it
   * fails.
   */
  <T> T inTransaction(Function<EntityManager, T> work) throws Exception;

  /** Runs {@code work} as {@link #inTransaction}, but never in the caller's transaction (for tables' DDL). */
  <T> T inNewTransaction(Function<EntityManager, T> work) throws Exception;

  /** Whether writes join the caller's transaction, so a lock they take is held until that transaction ends. */
  boolean joinsCallersTransactions();

  /** Closes what the unit owns. */
  @Override
  void close();
}
