package dev.eventsourcing.jpa.orm;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/** A persistence unit of the store's own: an entity manager for each operation, resource-local transactions. */
final class LocalUnit implements OrmUnit {
  private final EntityManagerFactory entityManagers;

  LocalUnit(EntityManagerFactory entityManagers) {
    this.entityManagers = entityManagers;
  }

  @Override
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager entityManager = entityManagers.createEntityManager();
    try {
      return work.apply(entityManager);
    } finally {
      entityManager.close();
    }
  }

  @Override
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager entityManager = entityManagers.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      T result = work.apply(entityManager);
      entityManager.flush();
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      try {
        if (transaction.isActive()) {
          transaction.rollback();
        }
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      entityManager.close();
    }
  }

  @Override
  public <T> T inNewTransaction(Function<EntityManager, T> work) {
    return inTransaction(work);
  }

  @Override
  public boolean joinsCallersTransactions() {
    return false;
  }

  @Override
  public void close() {
    entityManagers.close();
  }
}
