package dev.eventsourcing.bench.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The baseline on PostgreSQL: the inserting transaction takes {@code LOCK TABLE ... IN EXCLUSIVE MODE} before it
 * reads the highest notification id, as the Python library and es-jpa do, so concurrent writers commit one at a
 * time in id order and no reader can skip an event. The lock, the ids and the insert travel in one round trip, the
 * commit in the next, as in es-jpa.
 */
public final class PostgresJdbcWorlds extends JdbcWorlds {
  /**
   * One round trip: the lock, then the events as arrays, inserted with the ids after the highest. The second
   * statement's snapshot is taken after the lock is granted, so it sees every event committed before.
   */
  private static final String LOCK_AND_INSERT = "LOCK TABLE " + EVENTS + " IN EXCLUSIVE MODE; "
      + "INSERT INTO " + EVENTS + " (originator_id, originator_version, topic, state, notification_id)"
      + " SELECT e.originator_id, e.originator_version, e.topic, e.state, highest.id + e.position"
      + " FROM (SELECT COALESCE(MAX(notification_id), 0) AS id FROM " + EVENTS + ") highest,"
      + " unnest(?::uuid[], ?::integer[], ?::text[], ?::bytea[]) WITH ORDINALITY"
      + " AS e(originator_id, originator_version, topic, state, position)";

  /**
   * W5's follower, in one round trip: the lock on its events table, held to the end of the transaction, then the
   * highest id.
   */
  private static final String LOCK_AND_MAX_FOLLOWER_ID = "LOCK TABLE " + FOLLOWER_EVENTS + " IN EXCLUSIVE MODE; "
      + "SELECT COALESCE(MAX(notification_id), 0) FROM " + FOLLOWER_EVENTS;

  private final String url;
  private final Properties properties;

  /** The baseline on a database, in tables it drops and creates. */
  public PostgresJdbcWorlds(String url, String user, String password, EventCodec codec, boolean snapshotsKept) {
    super(codec, snapshotsKept);
    this.url = url;
    this.properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    // Batches of inserts sent as multi-row inserts, as the library's pool is configured.
    properties.setProperty("reWriteBatchedInserts", "true");
    createTables(
        "DROP TABLE IF EXISTS " + EVENTS + ", " + SNAPSHOTS + ", " + FOLLOWER_EVENTS + ", " + TRACKING,
        "CREATE TABLE " + EVENTS + " (originator_id uuid NOT NULL, originator_version integer NOT NULL,"
            + " topic text NOT NULL, state bytea NOT NULL, notification_id bigint NOT NULL,"
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX " + EVENTS + "_notification_id ON " + EVENTS + " (notification_id)",
        "CREATE TABLE " + SNAPSHOTS + " (originator_id uuid NOT NULL, originator_version integer NOT NULL,"
            + " topic text NOT NULL, state bytea NOT NULL, PRIMARY KEY (originator_id, originator_version))",
        "CREATE TABLE " + FOLLOWER_EVENTS + " (originator_id uuid NOT NULL, originator_version integer NOT NULL,"
            + " topic text NOT NULL, state bytea NOT NULL, notification_id bigint NOT NULL,"
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX " + FOLLOWER_EVENTS + "_notification_id ON " + FOLLOWER_EVENTS + " (notification_id)",
        "CREATE TABLE " + TRACKING + " (application_name text NOT NULL, notification_id bigint NOT NULL,"
            + " PRIMARY KEY (application_name, notification_id))");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  @Override
  protected long beginFollowing(Connection connection, Statement statement) throws SQLException {
    connection.setAutoCommit(false);
    boolean isResult = statement.execute(LOCK_AND_MAX_FOLLOWER_ID);
    while (!isResult && statement.getUpdateCount() != -1) {
      isResult = statement.getMoreResults();
    }
    try (ResultSet results = statement.getResultSet()) {
      results.next();
      return results.getLong(1);
    }
  }

  @Override
  protected void lockAndInsert(Connection connection, Statement control, PreparedStatement insert, List<Row> rows)
      throws SQLException {
    int size = rows.size();
    UUID[] ids = new UUID[size];
    Integer[] versions = new Integer[size];
    String[] topics = new String[size];
    byte[][] states = new byte[size][];
    for (int i = 0; i < size; i++) {
      Row row = rows.get(i);
      ids[i] = row.originatorId();
      versions[i] = row.originatorVersion();
      topics[i] = row.topic();
      states[i] = row.state();
    }
    connection.setAutoCommit(false);
    // pgjdbc keeps the statement prepared on the server, by its text, for the connection's life.
    try (PreparedStatement lockAndInsert = connection.prepareStatement(LOCK_AND_INSERT)) {
      lockAndInsert.setArray(1, connection.createArrayOf("uuid", ids));
      lockAndInsert.setArray(2, connection.createArrayOf("integer", versions));
      lockAndInsert.setArray(3, connection.createArrayOf("text", topics));
      lockAndInsert.setArray(4, connection.createArrayOf("bytea", states));
      lockAndInsert.execute();
    }
  }

  @Override
  protected void commit(Connection connection, Statement statement) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  protected void rollback(Connection connection, Statement statement) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
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
  protected boolean isUniqueViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if ("23505".equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
