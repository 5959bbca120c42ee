package dev.eventsourcing.cdi;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Work deferred until the current JTA transaction commits; loaded only when the JTA API is present. */
final class AfterCommit {
  static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

  private AfterCommit() {}

  /**
   * Runs {@code work} once the current transaction has committed, and never if it rolls back (or is already
   * marked for rollback).
   *
   * @return whether there is a transaction; if not, nothing is deferred
   */
  static boolean defer(Runnable work) {
    TransactionSynchronizationRegistry registry;
    try {
      registry = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
    } catch (NamingException | RuntimeException e) {
      return false; // no transaction manager here
    }
    int status = registry.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      return false;
    }
    if (status != Status.STATUS_ACTIVE) {
      return true; // a transaction that will not commit what was saved in it
    }
    registry.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          work.run();
        }
      }
    });
    return true;
  }
}
