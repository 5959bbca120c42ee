package dev.eventsourcing.bench.jdbc;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The baseline on a SQLite file in WAL mode with {@code synchronous=FULL}: writers are serialised by {@code BEGIN
 * IMMEDIATE}, which takes the database's write lock before the highest notification id is read.
 */
public final class SqliteJdbcWorlds extends JdbcWorlds {
  private static final String MAX_NOTIFICATION_ID = "SELECT COALESCE(MAX(notification_id), 0) FROM " + EVENTS;
  private static final String MAX_FOLLOWER_ID = "SELECT COALESCE(MAX(notification_id), 0) FROM " + FOLLOWER_EVENTS;

  private final String url;
  private final SQLiteConfig config;

  /** The baseline on a new database file. */
  public SqliteJdbcWorlds(Path file, EventCodec codec, boolean snapshotsKept) {
    super(codec, snapshotsKept);
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(5_000);
    createTables(
        "CREATE TABLE IF NOT EXISTS " + EVENTS + " (originator_id BLOB NOT NULL, originator_version INTEGER NOT NULL,"
            + " topic TEXT NOT NULL, state BLOB NOT NULL, notification_id INTEGER NOT NULL,"
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX IF NOT EXISTS " + EVENTS + "_notification_id ON " + EVENTS + " (notification_id)",
        "CREATE TABLE IF NOT EXISTS " + SNAPSHOTS + " (originator_id BLOB NOT NULL,"
            + " originator_version INTEGER NOT NULL, topic TEXT NOT NULL, state BLOB NOT NULL,"
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE TABLE IF NOT EXISTS " + FOLLOWER_EVENTS + " (originator_id BLOB NOT NULL,"
            + " originator_version INTEGER NOT NULL, topic TEXT NOT NULL, state BLOB NOT NULL,"
            + " notification_id INTEGER NOT NULL, PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX IF NOT EXISTS " + FOLLOWER_EVENTS + "_notification_id ON " + FOLLOWER_EVENTS
            + " (notification_id)",
        "CREATE TABLE IF NOT EXISTS " + TRACKING + " (application_name TEXT NOT NULL,"
            + " notification_id INTEGER NOT NULL, PRIMARY KEY (application_name, notification_id))");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url, config.toProperties());
  }

  @Override
  protected void lockAndInsert(Connection connection, Statement control, PreparedStatement insert, List<Row> rows)
      throws SQLException {
    insertBatch(insert, rows, beginImmediately(control, MAX_NOTIFICATION_ID) + 1);
  }

  @Override
  protected long beginFollowing(Connection connection, Statement statement) throws SQLException {
    return beginImmediately(statement, MAX_FOLLOWER_ID);
  }

  /** Takes the database's write lock, then reads the highest notification id of a table. */
  private static long beginImmediately(Statement statement, String selectMax) throws SQLException {
    statement.execute("BEGIN IMMEDIATE");
    try (ResultSet results = statement.executeQuery(selectMax)) {
      results.next();
      return results.getLong(1);
    }
  }

  @Override
  protected void commit(Connection connection, Statement statement) throws SQLException {
    statement.execute("COMMIT");
  }

  @Override
  protected void rollback(Connection connection, Statement statement) throws SQLException {
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // no transaction was active: BEGIN IMMEDIATE itself failed
    }
  }

  @Override
  protected void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
    statement.setBytes(index, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits()).array());
  }

  @Override
  protected UUID getUuid(ResultSet results, int index) throws SQLException {
    ByteBuffer bytes = ByteBuffer.wrap(results.getBytes(index));
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  @Override
  protected boolean isUniqueViolation(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && (sql.getErrorCode() & 0xff) == 19) {
        return true;
      }
    }
    return false;
  }
}
