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
 * The baselines on PostgreSQL. In the library's discipline the inserting transaction takes {@code LOCK TABLE ...
 * IN EXCLUSIVE MODE} before it reads the highest notification id, as the Python library and es-jpa do, so
 * concurrent writers commit one at a time in id order and no reader can skip an event; the lock, the ids and the
 * insert travel in one round trip, the commit in the next, as in es-jpa. At the physical limit an identity column
 * gives the ids and no lock is taken: one event is one auto-commit insert, several are one insert of arrays and a
 * commit.
 */
public final class PostgresJdbcWorlds extends JdbcWorlds {
  private final String url;
  private final Properties properties;
  private final String lockAndInsert;
  private final String lockAndMaxFollowerId;
  private final String insertWithIdentity;

  /** A baseline on a database, in tables it drops and creates. */
  public PostgresJdbcWorlds(Discipline discipline, String url, String user, String password, EventCodec codec,
      boolean snapshotsKept) {
    super(discipline, codec, snapshotsKept);
    this.url = url;
    this.properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    // Batches of inserts sent as multi-row inserts, as the library's pool is configured.
    properties.setProperty("reWriteBatchedInserts", "true");
    String events = discipline.events();
    String arrays = " FROM unnest(?::uuid[], ?::integer[], ?::text[], ?::bytea[]) WITH ORDINALITY"
        + " AS e(originator_id, originator_version, topic, state, position)";
    // One round trip: the lock, then the events as arrays, inserted with the ids after the highest. The second
    // statement's snapshot is taken after the lock is granted, so it sees every event committed before.
    this.lockAndInsert = "LOCK TABLE " + events + " IN EXCLUSIVE MODE; "
        + "INSERT INTO " + events + " (originator_id, originator_version, topic, state, notification_id)"
        + " SELECT e.originator_id, e.originator_version, e.topic, e.state, highest.id + e.position"
        + " FROM (SELECT COALESCE(MAX(notification_id), 0) AS id FROM " + events + ") highest,"
        + arrays.substring(" FROM".length());
    // W5's follower, in one round trip: the lock on its events table, held to the end of the transaction, then the
    // highest id.
    this.lockAndMaxFollowerId = "LOCK TABLE " + discipline.followerEvents() + " IN EXCLUSIVE MODE; "
        + "SELECT COALESCE(MAX(notification_id), 0) FROM " + discipline.followerEvents();
    this.insertWithIdentity = "INSERT INTO " + events + " (originator_id, originator_version, topic, state)"
        + " SELECT e.originator_id, e.originator_version, e.topic, e.state" + arrays + " ORDER BY e.position";
    String notificationId = discipline == Discipline.LIBRARY
        ? "notification_id bigint NOT NULL" : "notification_id bigint GENERATED ALWAYS AS IDENTITY";
    createTables(
        "DROP TABLE IF EXISTS " + events + ", " + discipline.snapshots() + ", " + discipline.followerEvents() + ", "
            + discipline.tracking(),
        "CREATE TABLE " + events + " (originator_id uuid NOT NULL, originator_version integer NOT NULL,"
            + " topic text NOT NULL, state bytea NOT NULL, " + notificationId + ","
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX " + events + "_notification_id ON " + events + " (notification_id)",
        "CREATE TABLE " + discipline.snapshots() + " (originator_id uuid NOT NULL,"
            + " originator_version integer NOT NULL, topic text NOT NULL, state bytea NOT NULL,"
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE TABLE " + discipline.followerEvents() + " (originator_id uuid NOT NULL,"
            + " originator_version integer NOT NULL, topic text NOT NULL, state bytea NOT NULL, " + notificationId
            + ", PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX " + discipline.followerEvents() + "_notification_id ON " + discipline.followerEvents()
            + " (notification_id)",
        "CREATE TABLE " + discipline.tracking() + " (application_name text NOT NULL,"
            + " notification_id bigint NOT NULL, PRIMARY KEY (application_name, notification_id))");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  @Override
  protected long beginFollowing(Connection connection, Statement statement) throws SQLException {
    connection.setAutoCommit(false);
    boolean isResult = statement.execute(lockAndMaxFollowerId);
    while (!isResult && statement.getUpdateCount() != -1) {
      isResult = statement.getMoreResults();
    }
    try (ResultSet results = statement.getResultSet()) {
      results.next();
      return results.getLong(1);
    }
  }

  @Override
  protected void begin(Connection connection, Statement statement) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  protected void lockAndInsert(Connection connection, Statement control, PreparedStatement insert, List<Row> rows)
      throws SQLException {
    connection.setAutoCommit(false);
    insertArrays(connection, lockAndInsert, rows);
  }

  @Override
  protected void insertWithIdentity(Connection connection, PreparedStatement insert, List<Row> rows)
      throws SQLException {
    insertArrays(connection, insertWithIdentity, rows);
  }

  /** Runs an insert of the rows sent as four arrays. */
  private static void insertArrays(Connection connection, String sql, List<Row> rows) throws SQLException {
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
    // pgjdbc keeps the statement prepared on the server, by its text, for the connection's life.
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setArray(1, connection.createArrayOf("uuid", ids));
      insert.setArray(2, connection.createArrayOf("integer", versions));
      insert.setArray(3, connection.createArrayOf("text", topics));
      insert.setArray(4, connection.createArrayOf("bytea", states));
      insert.execute();
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
