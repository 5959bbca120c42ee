package dev.eventsourcing.jpa;

import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.jdbc.ReturningWork;
import org.jspecify.annotations.Nullable;

/**
 * One application's tables in one database, and the transactions on them: what the recorders of a store share.
 * Every operation runs in its own stateless session (no persistence context, no second-level cache); every write
 * runs in one transaction, committed whole or rolled back whole, and every failure leaves as a persistence
 * exception naming the application (see {@link JpaErrors}).
 *
 * <p>The paths every event takes, its insert and its selects, run plain prepared statements on the session's
 * connection ({@link #select}, {@link #writeEvents}): Hibernate's per-entity insert coordination, query
 * interpretation and transaction bookkeeping cost more than the statements themselves there. The entities stay the
 * description of the tables.
 *
 * <p>A store decides how writers of events are ordered ({@link #lockEvents}), how its transactions of events begin
 * and end, how it binds a UUID, and which DDL creates its tables.
 */
public abstract class JpaStore implements AutoCloseable {
  private final String applicationName;
  private final TableNames tables;
  private final SessionFactory sessions;
  private final List<AutoCloseable> resources;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String insertEvent;
  private final boolean jta;

  /**
   * @param resources what the store owns and closes with itself, such as the pool under {@code sessions}
   */
  protected JpaStore(
      String applicationName, TableNames tables, SessionFactory sessions, List<? extends AutoCloseable> resources) {
    this.applicationName = applicationName;
    this.tables = tables;
    this.sessions = sessions;
    this.resources = List.copyOf(resources);
    this.jta = !(jtaPlatform() instanceof NoJtaPlatform);
    this.insertEvent = "INSERT INTO " + tables.events()
        + " (originator_id, originator_version, topic, state, notification_id) VALUES (?, ?, ?, ?, ?)";
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

  /** Runs plain statements on a stateless session's connection, outside a transaction. */
  public <T> T select(String operation, ReturningWork<T> work) {
    return read(operation, session -> session.doReturningWork(work));
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
   * Runs a write of events on a stateless session's connection, in one transaction begun by {@link #begin} and
   * ended by {@link #commit}, or by {@link #rollback} if anything fails; with a server's transactions (JTA), in
   * the caller's JTA transaction or one of its own, as {@link #write}. {@code work} starts with {@link
   * #lockEvents} or {@link #lockAndInsertEvents}.
   */
  public <T> T writeEvents(String operation, ReturningWork<T> work) {
    if (jta) {
      return write(operation, session -> session.doReturningWork(work));
    }
    return select(operation, connection -> {
      begin(connection);
      try {
        T result = work.execute(connection);
        commit(connection);
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          rollback(connection);
        } catch (SQLException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    });
  }

  /**
   * Signals new notifications of the application, as {@link
   * dev.eventsourcing.persistence.ApplicationRecorder#subscribe}; by default never.
   */
  public Subscription subscribe(Runnable listener) {
    return Subscription.NONE;
  }

  /**
   * Tries to take the lease of the process application, as {@link
   * dev.eventsourcing.persistence.ProcessRecorder#tryLease}; by default always, held until closed.
   */
  public @Nullable Lease tryLease() {
    return Lease.untilClosed();
  }

  /** Begins a transaction of events on a connection in auto-commit mode. */
  protected abstract void begin(Connection connection) throws SQLException;

  /** Commits the transaction {@link #begin} began, and leaves the connection in auto-commit mode. */
  protected abstract void commit(Connection connection) throws SQLException;

  /** Rolls back the transaction {@link #begin} began, and leaves the connection in auto-commit mode. */
  protected abstract void rollback(Connection connection) throws SQLException;

  /**
   * In a transaction of events, keeps other writers of the events table out until the transaction ends, and
   * returns the highest notification id recorded (0 if none). The events of the transaction get the ids after it,
   * so ids are gap-free, contiguous per transaction, and in commit order: no reader can see id N before every id
   * below N is committed.
   */
  protected abstract long lockEvents(Connection connection) throws SQLException;

  /**
   * {@link #lockEvents}, then inserts the events with the ids after the highest; returns the highest id recorded
   * before them. A store may send all of it to the database at once.
   */
  protected long lockAndInsertEvents(Connection connection, List<StoredEvent> events) throws SQLException {
    long highest = lockEvents(connection);
    insertEvents(connection, events, highest + 1);
    return highest;
  }

  /** Inserts events in one JDBC batch, with notification ids from {@code firstId} onward. */
  protected void insertEvents(Connection connection, List<StoredEvent> events, long firstId) throws SQLException {
    withStatement(connection, insertEvent, insert -> {
      long id = firstId;
      for (StoredEvent event : events) {
        setUuid(insert, 1, event.originatorId());
        insert.setInt(2, event.originatorVersion());
        insert.setString(3, event.topic());
        insert.setBytes(4, event.state());
        insert.setLong(5, id++);
        if (events.size() > 1) {
          insert.addBatch();
        }
      }
      if (events.size() > 1) {
        insert.executeBatch();
      } else {
        insert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Runs {@code work} with a statement of {@code sql} prepared on {@code connection}; the statement is the work's
   * until it returns, and the work closes the result sets it opens. By default the statement is closed after; a
   * store may keep it prepared for the connection's next operation.
   */
  protected <T> T withStatement(Connection connection, String sql, StatementWork<T> work) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      return work.run(statement);
    }
  }

  /** Work with a prepared statement. */
  @FunctionalInterface
  protected interface StatementWork<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  /** Binds a UUID as the store's {@code originator_id} column holds it. */
  protected abstract void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException;

  /** Reads a UUID from an {@code originator_id} column. */
  protected abstract UUID getUuid(ResultSet results, int index) throws SQLException;

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
    TransactionManager transactions = jta ? jtaPlatform().retrieveTransactionManager() : null;
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

  private JtaPlatform jtaPlatform() {
    return sessions.unwrap(SessionFactoryImplementor.class).getServiceRegistry().requireService(JtaPlatform.class);
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
