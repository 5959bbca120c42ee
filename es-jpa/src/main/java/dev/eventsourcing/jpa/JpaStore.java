package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyConflictException;
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
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One application's tables in one database, and the transactions on them: what the recorders of a store share.
 * Every operation runs plain prepared statements on a connection of the store's {@link DataSource}; every write
 * runs in one transaction, committed whole or rolled back whole, and every failure leaves as a persistence
 * exception naming the application (see {@link JpaErrors}). With a server's transactions (JTA), a write joins the
 * caller's JTA transaction, or runs in one of its own when there is none; the connection is then the server's,
 * enlisted in the transaction.
 *
 * <p>A store decides how writers of events are ordered ({@link #lockEvents}), how its transactions begin and end,
 * how it binds a UUID, and which DDL creates its tables.
 */
public abstract class JpaStore implements AutoCloseable {
  private final String applicationName;
  private final TableNames tables;
  private final DataSource dataSource;
  private final @Nullable ServerTransactions serverTransactions;
  private final List<AutoCloseable> resources;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String insertEvent;
  private final String insertDataKey;

  /**
   * @param jta whether the transactions are a Jakarta EE server's, on a data source the server enlists in them
   * @param resources what the store owns and closes with itself, such as the pool that is {@code dataSource}
   */
  protected JpaStore(String applicationName, TableNames tables, DataSource dataSource, boolean jta,
      List<? extends AutoCloseable> resources) {
    this.applicationName = applicationName;
    this.tables = tables;
    this.dataSource = dataSource;
    this.serverTransactions = jta ? new ServerTransactions() : null;
    this.resources = List.copyOf(resources);
    this.insertEvent = "INSERT INTO " + tables.events()
        + " (originator_id, originator_version, topic, state, notification_id) VALUES (?, ?, ?, ?, ?)";
    this.insertDataKey = "INSERT INTO " + tables.keys() + " (subject_id, master_key_id, wrapped_key)"
        + " VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING";
  }

  /** How this store's driver reports failures without SQLState; none by default. */
  protected DriverErrors driverErrors() {
    return DriverErrors.NONE;
  }

  public String applicationName() {
    return applicationName;
  }

  public TableNames tables() {
    return tables;
  }

  /** Whether the transactions are a Jakarta EE server's. */
  public boolean isJta() {
    return serverTransactions != null;
  }

  /** Runs reads on a connection, outside a transaction of the store's (in the caller's JTA transaction if any). */
  public <T> T select(String operation, ConnectionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.execute(connection);
    } catch (SQLException | RuntimeException e) {
      throw JpaErrors.translate(e, applicationName, operation, driverErrors());
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if anything fails. With a server's
   * transactions, in the caller's JTA transaction (marked for rollback if anything fails) or one of its own.
   */
  public <T> T write(String operation, ConnectionWork<T> work) {
    if (serverTransactions == null) {
      return select(operation, connection -> inLocalTransaction(connection, work));
    }
    try {
      return serverTransactions.inTransaction(() -> selectInServer(work));
    } catch (Exception e) {
      throw JpaErrors.translate(e, applicationName, operation, driverErrors());
    }
  }

  /**
   * Runs a write of events as {@link #write}; {@code work} that writes events starts with {@link #lockEvents} or
   * {@link #lockAndInsertEvents}, and work that writes only data keys takes no lock. A store may order its writers
   * of events before they ask the database for its lock.
   */
  public <T> T writeEvents(String operation, ConnectionWork<T> work) {
    return write(operation, work);
  }

  /**
   * Combines the writes of events of this process into transactions of several ({@link GroupCommit}), the writers
   * taking turns in {@code writers}; for a store's {@link #writeEvents}, outside JTA transactions.
   */
  protected final GroupCommit groupCommit(WriterQueue writers) {
    if (serverTransactions != null) {
      throw new IllegalStateException("application " + applicationName
          + ": writes in JTA transactions are the caller's, and are not combined");
    }
    return new GroupCommit(writers, this::writeGroup);
  }

  /**
   * Runs writes of events in one local transaction, each in a savepoint of its own: a write that fails is rolled
   * back to its savepoint and fails alone, and the others commit together. If the transaction itself breaks, the
   * writes not failed yet run again in a new one; if it fails to begin or to commit, they all fail with it.
   */
  void writeGroup(List<GroupCommit.Write<?>> writes) {
    List<GroupCommit.Write<?>> remaining = writes;
    while (!remaining.isEmpty()) {
      remaining = remaining.size() == 1 ? writeAlone(remaining.get(0)) : writeTogether(remaining);
    }
  }

  private List<GroupCommit.Write<?>> writeAlone(GroupCommit.Write<?> write) {
    try {
      select(write.operation, connection -> inLocalTransaction(connection, inTransaction -> {
        write.run(inTransaction);
        return null;
      }));
      write.succeed();
    } catch (RuntimeException e) {
      write.fail(e);
    }
    return List.of();
  }

  private List<GroupCommit.Write<?>> writeTogether(List<GroupCommit.Write<?>> writes) {
    String operation = writes.size() + " writes of events together (first: " + writes.get(0).operation + ")";
    List<GroupCommit.Write<?>> ran = new ArrayList<>(writes.size());
    try (Connection connection = dataSource.getConnection()) {
      begin(connection);
      try {
        for (int i = 0; i < writes.size(); i++) {
          GroupCommit.Write<?> write = writes.get(i);
          savepoint(connection, i > 0);
          try {
            write.run(connection);
            ran.add(write);
          } catch (SQLException | RuntimeException e) {
            write.fail(JpaErrors.translate(e, applicationName, write.operation, driverErrors()));
            try {
              rollbackToSavepoint(connection);
            } catch (SQLException | RuntimeException broken) {
              // The transaction can't go on: what ran in it is lost, and runs again in a new one.
              rollbackQuietly(connection, e);
              List<GroupCommit.Write<?>> again = new ArrayList<>(ran);
              again.addAll(writes.subList(i + 1, writes.size()));
              again.forEach(GroupCommit.Write::reset);
              return again;
            }
          }
        }
        commit(connection);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      RuntimeException failure = JpaErrors.translate(e, applicationName, operation, driverErrors());
      for (GroupCommit.Write<?> write : writes) {
        write.failIfPending(failure);
      }
      return List.of();
    }
    for (GroupCommit.Write<?> write : ran) {
      write.succeed();
    }
    return List.of();
  }

  private void rollbackQuietly(Connection connection, Exception failure) {
    try {
      rollback(connection);
    } catch (SQLException | RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * In a transaction of several writes, before each: sets a savepoint that the write can be rolled back to, after
   * releasing the previous write's if {@code releasePrevious}.
   */
  protected void savepoint(Connection connection, boolean releasePrevious) throws SQLException {
    execute(connection, releasePrevious
        ? List.of("RELEASE SAVEPOINT es_write", "SAVEPOINT es_write") : List.of("SAVEPOINT es_write"));
  }

  /** Rolls a transaction back to the savepoint {@link #savepoint} set, undoing the write after it. */
  protected void rollbackToSavepoint(Connection connection) throws SQLException {
    execute(connection, List.of("ROLLBACK TO SAVEPOINT es_write"));
  }

  private <T> T inLocalTransaction(Connection connection, ConnectionWork<T> work) throws SQLException {
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
  }

  private <T> T selectInServer(ConnectionWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return work.execute(connection);
    }
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

  /** Begins a transaction on a connection in auto-commit mode (not with a server's transactions). */
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

  /**
   * {@link #lockEvents}, then inserts the data keys of per-subject encryption that the events are the first to need,
   * and the events with the ids after the highest; returns the highest id recorded before them. A store may send
   * all of it to the database at once.
   *
   * @throws DataKeyConflictException if a subject of {@code keys} has a key record already
   */
  protected long lockAndInsertEvents(Connection connection, List<StoredEvent> events, List<DataKey> keys)
      throws SQLException {
    if (keys.isEmpty()) {
      return lockAndInsertEvents(connection, events);
    }
    long highest = lockEvents(connection);
    insertDataKeys(connection, keys);
    if (!events.isEmpty()) {
      insertEvents(connection, events, highest + 1);
    }
    return highest;
  }

  /**
   * Inserts the data keys of subjects that have no key record.
   *
   * @throws DataKeyConflictException if one has
   */
  protected void insertDataKeys(Connection connection, List<DataKey> keys) throws SQLException {
    for (DataKey key : keys) {
      int inserted = withStatement(connection, insertDataKey, insert -> {
        setUuid(insert, 1, key.subjectId());
        insert.setString(2, key.masterKeyId());
        insert.setBytes(3, key.wrappedKey());
        return insert.executeUpdate();
      });
      if (inserted == 0) {
        throw keyConflict(List.of(key));
      }
    }
  }

  /** The failure of a write of events whose new data keys conflict with recorded ones. */
  protected DataKeyConflictException keyConflict(List<DataKey> keys) {
    List<Object> subjects = keys.stream().limit(10).<Object>map(DataKey::subjectId).toList();
    return new DataKeyConflictException("application " + applicationName + ": "
        + (keys.size() == 1 ? "data subject " + subjects.get(0) : "a data subject of " + subjects
            + (keys.size() > subjects.size() ? " and " + (keys.size() - subjects.size()) + " more" : ""))
        + " already has a key record");
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
   * After data keys were erased, in auto-commit mode: removes what copies of the erased records the database
   * keeps outside its tables and can remove at once. By default nothing.
   */
  protected void removeErasedCopies(Connection connection) throws SQLException {}

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
   * @param table {@code events}, {@code snapshots}, {@code tracking} or {@code keys}
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
    ConnectionWork<Void> work = connection -> {
      execute(connection, statements);
      return null;
    };
    if (serverTransactions == null) {
      write(operation, work);
      return;
    }
    try {
      serverTransactions.inNewTransaction(() -> selectInServer(work));
    } catch (Exception e) {
      throw JpaErrors.translate(e, applicationName, operation, driverErrors());
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

  /** Closes what the store owns. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        throw JpaErrors.translate(e, applicationName, "closing the store", driverErrors());
      }
    }
  }
}
