package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.jpa.ConnectionWork;
import dev.eventsourcing.jpa.JpaStore;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.WriterQueue;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

final class PostgresStore extends JpaStore {
  private final String lockEvents;
  private final String lockAndInsertEvents;
  private final String lockAndInsertKeysAndEvents;
  private final String insertEvents;
  private final WriterQueue writers;
  private final @Nullable String channel;
  private final @Nullable PostgresSession session;
  private final boolean leases;

  /**
   * @param session the connection that listens and holds leases, or {@code null} for none
   * @param notify whether saves notify the application's channel
   * @param leases whether the process application's lease is an advisory lock of the session
   * @param threads makes the session's thread, or {@code null} for a daemon thread
   */
  PostgresStore(String applicationName, TableNames tables, DataSource dataSource, boolean jta,
      List<AutoCloseable> resources, int lockTimeoutSeconds, @Nullable DataSource session, boolean notify,
      boolean leases, @Nullable ThreadFactory threads) {
    super(applicationName, tables, dataSource, jta, resources);
    String channel = PostgresSession.channel(tables.prefix(), tables.schema());
    this.channel = notify ? channel : null;
    this.leases = leases && session != null;
    this.session = session == null ? null
        : new PostgresSession(applicationName, session, channel, PostgresSession.leaseKey(tables.tracking()), threads);
    this.writers = jta
        ? WriterQueue.none(applicationName)
        : new WriterQueue(applicationName, lockTimeoutSeconds > 0 ? lockTimeoutSeconds : -1,
            PostgresInfrastructureFactory.POSTGRES_LOCK_TIMEOUT);
    // The lock is held until the transaction ends, so the ids after the maximum are this transaction's, and no
    // reader sees a later id committed before an earlier one. Readers take no lock. The statements after the lock
    // start after it is granted, so they see every event committed before.
    String lock = (lockTimeoutSeconds > 0 ? "SET LOCAL lock_timeout = '" + lockTimeoutSeconds + "s'; " : "")
        + "LOCK TABLE " + tables.events() + " IN EXCLUSIVE MODE; ";
    String highest = "SELECT COALESCE(MAX(notification_id), 0) AS id FROM " + tables.events();
    this.lockEvents = lock + highest;
    // One round trip for the lock, the ids and the insert: the events travel as four arrays, numbered in order.
    String insertEvents = "inserted AS (INSERT INTO " + tables.events()
        + " (originator_id, originator_version, topic, state, notification_id)"
        + " SELECT e.originator_id, e.originator_version, e.topic, e.state, highest.id + e.position"
        + " FROM highest, unnest(?::uuid[], ?::integer[], ?::text[], ?::bytea[]) WITH ORDINALITY"
        + " AS e(originator_id, originator_version, topic, state, position))";
    // The notification is sent on commit, and not at all if the transaction rolls back; its payload is the
    // highest notification id after the insert.
    String notifying = notify ? ", pg_notify(?, (id + ?)::text)" : "";
    this.lockAndInsertEvents = lock + "WITH highest AS (" + highest + "), " + insertEvents
        + " SELECT id" + notifying + " FROM highest";
    // The first data keys of subjects travel with their events, and the count of those inserted comes back: fewer
    // than sent means another writer recorded one first, and the transaction is rolled back.
    this.lockAndInsertKeysAndEvents = lock
        + "WITH keys AS (INSERT INTO " + tables.keys() + " (subject_id, master_key_id, wrapped_key)"
        + " SELECT * FROM unnest(?::uuid[], ?::text[], ?::bytea[]) ON CONFLICT (subject_id) DO NOTHING RETURNING 1),"
        + " highest AS (" + highest + "), " + insertEvents
        + " SELECT id, (SELECT count(*) FROM keys)" + notifying + " FROM highest";
    String insert = "INSERT INTO " + tables.events()
        + " (originator_id, originator_version, topic, state, notification_id)"
        + " SELECT e.originator_id, e.originator_version, e.topic, e.state, ? + e.position - 1"
        + " FROM unnest(?::uuid[], ?::integer[], ?::text[], ?::bytea[]) WITH ORDINALITY"
        + " AS e(originator_id, originator_version, topic, state, position)";
    this.insertEvents = notify ? "WITH inserted AS (" + insert + ") SELECT pg_notify(?, ?)" : insert;
  }

  @Override
  public Subscription subscribe(Runnable listener) {
    return session == null || channel == null ? Subscription.NONE : session.subscribe(listener);
  }

  @Override
  public @Nullable Lease tryLease() {
    return leases ? session.tryLease() : Lease.untilClosed();
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        session.close();
      }
    } finally {
      super.close();
    }
  }

  /** The writers of this process take turns before they take the table lock. */
  @Override
  public <T> T writeEvents(String operation, ConnectionWork<T> work) {
    return writers.inTurn(operation, () -> super.writeEvents(operation, work));
  }

  @Override
  protected void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  protected void commit(Connection connection) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  protected void rollback(Connection connection) throws SQLException {
    connection.rollback();
    connection.setAutoCommit(true);
  }

  @Override
  protected long lockEvents(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet row = lastRow(statement, statement.execute(lockEvents))) {
        return row.getLong(1);
      }
    }
  }

  @Override
  protected long lockAndInsertEvents(Connection connection, List<StoredEvent> events) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(lockAndInsertEvents)) {
      int next = bindEvents(connection, statement, 1, events);
      bindNotification(statement, next, events.size());
      try (ResultSet row = lastRow(statement, statement.execute())) {
        return row.getLong(1);
      }
    }
  }

  @Override
  protected long lockAndInsertEvents(Connection connection, List<StoredEvent> events, List<DataKey> keys)
      throws SQLException {
    if (keys.isEmpty() || events.isEmpty()) {
      return super.lockAndInsertEvents(connection, events, keys);
    }
    UUID[] subjects = new UUID[keys.size()];
    String[] masterKeyIds = new String[keys.size()];
    byte[][] wrapped = new byte[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      subjects[i] = keys.get(i).subjectId();
      masterKeyIds[i] = keys.get(i).masterKeyId();
      wrapped[i] = keys.get(i).wrappedKey();
    }
    try (PreparedStatement statement = connection.prepareStatement(lockAndInsertKeysAndEvents)) {
      statement.setArray(1, connection.createArrayOf("uuid", subjects));
      statement.setArray(2, connection.createArrayOf("text", masterKeyIds));
      statement.setArray(3, connection.createArrayOf("bytea", wrapped));
      int next = bindEvents(connection, statement, 4, events);
      bindNotification(statement, next, events.size());
      try (ResultSet row = lastRow(statement, statement.execute())) {
        if (row.getLong(2) != keys.size()) {
          throw keyConflict(keys);
        }
        return row.getLong(1);
      }
    }
  }

  @Override
  protected void insertEvents(Connection connection, List<StoredEvent> events, long firstId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(insertEvents)) {
      statement.setLong(1, firstId);
      int next = bindEvents(connection, statement, 2, events);
      if (channel != null) {
        statement.setString(next, channel);
        statement.setString(next + 1, String.valueOf(firstId + events.size() - 1));
      }
      statement.execute();
    }
  }

  /** Binds the channel and the number of events of {@code pg_notify(?, (id + ?)::text)}, if saves notify. */
  private void bindNotification(PreparedStatement statement, int first, int events) throws SQLException {
    if (channel != null) {
      statement.setString(first, channel);
      statement.setLong(first + 1, events);
    }
  }

  /** Binds the events as four arrays from parameter {@code first}; returns the next parameter's index. */
  private static int bindEvents(Connection connection, PreparedStatement statement, int first,
      List<StoredEvent> events) throws SQLException {
    int size = events.size();
    UUID[] ids = new UUID[size];
    Integer[] versions = new Integer[size];
    String[] topics = new String[size];
    byte[][] states = new byte[size][];
    for (int i = 0; i < size; i++) {
      StoredEvent event = events.get(i);
      ids[i] = event.originatorId();
      versions[i] = event.originatorVersion();
      topics[i] = event.topic();
      states[i] = event.state();
    }
    statement.setArray(first, connection.createArrayOf("uuid", ids));
    statement.setArray(first + 1, connection.createArrayOf("integer", versions));
    statement.setArray(first + 2, connection.createArrayOf("text", topics));
    statement.setArray(first + 3, connection.createArrayOf("bytea", states));
    return first + 4;
  }

  /** The one row of the result set that follows the update counts of the statements sent before it. */
  private static ResultSet lastRow(Statement statement, boolean isResult) throws SQLException {
    while (!isResult && statement.getUpdateCount() != -1) {
      isResult = statement.getMoreResults();
    }
    ResultSet results = statement.getResultSet();
    results.next();
    return results;
  }

  @Override
  protected void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
    statement.setObject(index, id);
  }

  @Override
  protected UUID getUuid(ResultSet results, int index) throws SQLException {
    return results.getObject(index, UUID.class);
  }

  @Override
  protected List<String> createTableStatements(String table) {
    return PostgresTables.createStatements(tables(), table);
  }
}
