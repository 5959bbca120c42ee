package dev.eventsourcing.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * A Jakarta EE server's transactions, as a store with {@code TRANSACTION_TYPE=JTA} uses them: work joins the
 * caller's transaction when there is one, and runs in one of its own when there is none. A transaction of its own
 * is begun as a component begins one, through {@code java:comp/UserTransaction}, so that the server enlists the
 * connections the work takes (GlassFish and Payara enlist only in a transaction the component's invocation knows);
 * where a component may not use it (a method marked {@code @Transactional} that runs outside a transaction), through
 * the transaction manager, found by the names WildFly, GlassFish and Payara, and TomEE give it. The platform's
 * {@code java:comp/TransactionSynchronizationRegistry} tells whether the process is a server at all.
 */
public final class ServerTransactions {
  public static final String SYNCHRONIZATION_REGISTRY = "java:comp/TransactionSynchronizationRegistry";
  private static final String USER_TRANSACTION = "java:comp/UserTransaction";
  private static final List<String> TRANSACTION_MANAGERS = List.of(
      "java:jboss/TransactionManager", "java:/TransactionManager", "java:appserver/TransactionManager",
      "java:comp/TransactionManager");

  private volatile @Nullable TransactionManager manager;

  /** Whether the process is a Jakarta EE server, whose transactions a store can join. */
  public static boolean isInServer() {
    try {
      return new InitialContext().lookup(SYNCHRONIZATION_REGISTRY) != null;
    } catch (NamingException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs {@code work} in the caller's transaction, marking it for rollback if the work fails, or, if there is none,
   * in a transaction of its own that commits if the work returns and rolls back if it fails.
   */
  public <T> T inTransaction(Callable<T> work) throws Exception {
    TransactionManager transactions = manager();
    if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
      try {
        return work.call();
      } catch (Exception e) {
        markForRollback(transactions, e);
        throw e;
      }
    }
    OwnTransaction own = begin(transactions);
    T result;
    try {
      result = work.call();
    } catch (Exception e) {
      try {
        own.rollback();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    own.commit();
    return result;
  }

  /** Runs {@code work} in a transaction of its own, with the caller's suspended until it ends. */
  public <T> T inNewTransaction(Callable<T> work) throws Exception {
    TransactionManager transactions = manager();
    Transaction callers = transactions.getStatus() == Status.STATUS_NO_TRANSACTION ? null : transactions.suspend();
    try {
      return inTransaction(work);
    } finally {
      if (callers != null) {
        transactions.resume(callers);
      }
    }
  }

  /** A transaction this class began, and ends. */
  private interface OwnTransaction {
    void commit() throws Exception;

    void rollback() throws Exception;
  }

  private static OwnTransaction begin(TransactionManager transactions) throws Exception {
    UserTransaction user = userTransaction();
    if (user != null) {
      try {
        user.begin();
        return new OwnTransaction() {
          @Override
          public void commit() throws Exception {
            user.commit();
          }

          @Override
          public void rollback() throws Exception {
            user.rollback();
          }
        };
      } catch (IllegalStateException e) {
        // The calling component may not demarcate transactions here: the manager begins one.
      }
    }
    transactions.begin();
    return new OwnTransaction() {
      @Override
      public void commit() throws Exception {
        transactions.commit();
      }

      @Override
      public void rollback() throws Exception {
        transactions.rollback();
      }
    };
  }

  private static @Nullable UserTransaction userTransaction() {
    try {
      return new InitialContext().lookup(USER_TRANSACTION) instanceof UserTransaction user ? user : null;
    } catch (NamingException e) {
      return null;
    }
  }

  private static void markForRollback(TransactionManager transactions, Exception failure) {
    try {
      transactions.setRollbackOnly();
    } catch (IllegalStateException | SystemException e) {
      failure.addSuppressed(e);
    }
  }

  private TransactionManager manager() throws NamingException {
    TransactionManager found = manager;
    if (found != null) {
      return found;
    }
    InitialContext context = new InitialContext();
    for (String name : TRANSACTION_MANAGERS) {
      try {
        if (context.lookup(name) instanceof TransactionManager transactions) {
          manager = transactions;
          return transactions;
        }
      } catch (NamingException e) {
        // try the next server's name
      }
    }
    throw new NamingException("no JTA TransactionManager under " + TRANSACTION_MANAGERS);
  }
}
