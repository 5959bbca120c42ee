package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.ServerTransactions;
import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * A server's container-managed entity manager (JTA), such as one of {@code @PersistenceContext}: writes join the
 * caller's JTA transaction, or run in one of their own; the server owns the entity manager and closes it.
 */
final class JtaUnit implements OrmUnit {
  private final EntityManager entityManager;
  private final ServerTransactions transactions = new ServerTransactions();

  JtaUnit(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public <T> T read(Function<EntityManager, T> work) {
    return work.apply(entityManager);
  }

  @Override
  public <T> T inTransaction(Function<EntityManager, T> work) throws Exception {
    return transactions.inTransaction(() -> flushed(work));
  }

  @Override
  public <T> T inNewTransaction(Function<EntityManager, T> work) throws Exception {
    return transactions.inNewTransaction(() -> flushed(work));
  }

  private <T> T flushed(Function<EntityManager, T> work) {
    T result = work.apply(entityManager);
    entityManager.flush();
    return result;
  }

  @Override
  public boolean joinsCallersTransactions() {
    return true;
  }

  @Override
  public void close() {}
}
