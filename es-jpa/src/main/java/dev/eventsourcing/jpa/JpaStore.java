package dev.eventsourcing.jpa;

import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.jspecify.annotations.Nullable;

/**
 * One application's tables in one database, and the transactions on them: what the recorders of a store share.
 * Every operation runs in its own stateless session (no persistence context, no second-level cache); every write
 * runs in one transaction, committed whole or rolled back whole, and every failure leaves as a persistence
 * exception naming the application (see {@link JpaErrors}).
 *
 * <p>A store decides how writers of events are ordered ({@link #lockEvents}) and which DDL creates its tables.
 */
public abstract class JpaStore implements AutoCloseable {
  private final String applicationName;
  private final TableNames tables;
  private final SessionFactory sessions;
  private final List<AutoCloseable> resources;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param resources what the store owns and closes with itself, such as the pool under {@code sessions}
   */
  protected JpaStore(
      String applicationName, TableNames tables, SessionFactory sessions, List<? extends AutoCloseable> resources) {
    this.applicationName = applicationName;
    this.tables = tables;
    this.sessions = sessions;
    this.resources = List.copyOf(resources);
  }

  public String applicationName() {
    return applicationName;
  }

  public TableNames tables() {
    return tables;
  }

  /** Runs a read in a stateless session. */
  public <T> T read(String operation, Function<StatelessSession, T> work) {
    try (StatelessSession session = sessions.openStatelessSession()) {
      return work.apply(session);
    } catch (RuntimeException e) {
      throw JpaErrors.translate(e, applicationName, operation);
    }
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if anything fails. */
  public <T> T write(String operation, Function<StatelessSession, T> work) {
    StatelessSession session = null;
    Transaction transaction = null;
    try {
      session = sessions.openStatelessSession();
      transaction = session.beginTransaction();
      T result = work.apply(session);
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      rollBack(transaction, e);
      throw JpaErrors.translate(e, applicationName, operation);
    } finally {
      if (session != null) {
        try {
          session.close();
        } catch (RuntimeException e) {
          // The transaction is over; a failure to release the connection is the pool's to handle.
        }
      }
    }
  }

  /**
   * Runs a write of events in one transaction that begins with {@link #lockEvents}; {@code work} gets the highest
   * notification id recorded before the transaction.
   */
  public <T> T writeEvents(String operation, BiFunction<StatelessSession, Long, T> work) {
    return write(operation, session -> work.apply(session, lockEvents(session)));
  }

  /**
   * In a write transaction, keeps other writers of the events table out until the transaction ends, and returns
   * the highest notification id recorded (0 if none). The events of the transaction get the ids after it, so ids
   * are gap-free, contiguous per transaction, and in commit order: no reader can see id N before every id below N
   * is committed.
   */
  protected abstract long lockEvents(StatelessSession session);

  /**
   * The statements that create a table if it does not exist, with its indexes.
   *
   * @param table {@code events}, {@code snapshots} or {@code tracking}
   */
  protected abstract List<String> createTableStatements(String table);

  /**
   * Creates the tables, each if it does not exist, in one transaction: never in a caller's JTA transaction, whose
   * rollback would drop them.
   */
  public void createTables(String... logicalTables) {
    List<String> statements = new ArrayList<>();
    for (String table : logicalTables) {
      statements.addAll(createTableStatements(table));
    }
    String operation = "creating tables " + String.join(", ", logicalTables);
    TransactionManager transactions = sessions.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
        .requireService(JtaPlatform.class).retrieveTransactionManager();
    jakarta.transaction.Transaction callers = null;
    try {
      if (transactions != null) {
        callers = transactions.suspend();
      }
      write(operation, session -> {
        session.doWork(connection -> execute(connection, statements));
        return null;
      });
    } catch (SystemException e) {
      throw JpaErrors.translate(e, applicationName, operation);
    } finally {
      if (callers != null) {
        try {
          transactions.resume(callers);
        } catch (InvalidTransactionException | SystemException e) {
          throw JpaErrors.translate(e, applicationName, "resuming the caller's transaction after " + operation);
        }
      }
    }
  }

  /** Runs statements one by one on a connection, ignoring what they return. */
  protected static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Runs a query for one number, and returns it. */
  protected static long selectLong(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(query)) {
      results.next();
      return results.getLong(1);
    }
  }

  /** Closes the session factory and what the store owns. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      sessions.close();
    } finally {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          throw JpaErrors.translate(e, applicationName, "closing the store");
        }
      }
    }
  }

  private static void rollBack(@Nullable Transaction transaction, RuntimeException failure) {
    if (transaction == null) {
      return;
    }
    try {
      if (transaction.getStatus().canRollback()) {
        transaction.rollback();
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
