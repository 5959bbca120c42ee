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
 * The baselines on a SQLite file in WAL mode with {@code synchronous=FULL}. In the library's discipline writers are
 * serialised by {@code BEGIN IMMEDIATE}, which takes the database's write lock before the highest notification id
 * is read. At the physical limit the notification id is the table's row id ({@code INTEGER PRIMARY KEY}), given by
 * SQLite, and a transaction begins deferred: one event is one auto-commit insert.
 */
public final class SqliteJdbcWorlds extends JdbcWorlds {
  private final String url;
  private final SQLiteConfig config;
  private final String maxNotificationId;
  private final String maxFollowerId;

  /** A baseline on a new database file. */
  public SqliteJdbcWorlds(Discipline discipline, Path file, EventCodec codec, boolean snapshotsKept) {
    super(discipline, codec, snapshotsKept);
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    // W1x16's writers each wait for the database's write lock, which SQLite's busy handler hands out unfairly.
    config.setBusyTimeout(120_000);
    this.maxNotificationId = "SELECT COALESCE(MAX(notification_id), 0) FROM " + discipline.events();
    this.maxFollowerId = "SELECT COALESCE(MAX(notification_id), 0) FROM " + discipline.followerEvents();
    createTables(eventsTable(discipline, discipline.events()).toArray(String[]::new));
    createTables(eventsTable(discipline, discipline.followerEvents()).toArray(String[]::new));
    createTables(
        "CREATE TABLE IF NOT EXISTS " + discipline.snapshots() + " (originator_id BLOB NOT NULL,"
            + " originator_version INTEGER NOT NULL, topic TEXT NOT NULL, state BLOB NOT NULL,"
            + " PRIMARY KEY (originator_id, originator_version))",
        "CREATE TABLE IF NOT EXISTS " + discipline.tracking() + " (application_name TEXT NOT NULL,"
            + " notification_id INTEGER NOT NULL, PRIMARY KEY (application_name, notification_id))");
  }

  /** An events table: the library's, or one whose notification id is the row id. */
  private static List<String> eventsTable(Discipline discipline, String table) {
    if (discipline == Discipline.LIMIT) {
      return List.of("CREATE TABLE IF NOT EXISTS " + table + " (notification_id INTEGER PRIMARY KEY,"
          + " originator_id BLOB NOT NULL, originator_version INTEGER NOT NULL, topic TEXT NOT NULL,"
          + " state BLOB NOT NULL, UNIQUE (originator_id, originator_version))");
    }
    return List.of("CREATE TABLE IF NOT EXISTS " + table + " (originator_id BLOB NOT NULL,"
            + " originator_version INTEGER NOT NULL, topic TEXT NOT NULL, state BLOB NOT NULL,"
            + " notification_id INTEGER NOT NULL, PRIMARY KEY (originator_id, originator_version))",
        "CREATE UNIQUE INDEX IF NOT EXISTS " + table + "_notification_id ON " + table + " (notification_id)");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url, config.toProperties());
  }

  @Override
  protected void lockAndInsert(Connection connection, Statement control, PreparedStatement insert, List<Row> rows)
      throws SQLException {
    insertBatch(insert, rows, beginImmediately(control, maxNotificationId) + 1);
  }

  @Override
  protected long beginFollowing(Connection connection, Statement statement) throws SQLException {
    return beginImmediately(statement, maxFollowerId);
  }

  @Override
  protected void begin(Connection connection, Statement statement) throws SQLException {
    statement.execute("BEGIN");
  }

  @Override
  protected void insertWithIdentity(Connection connection, PreparedStatement insert, List<Row> rows)
      throws SQLException {
    insertBatch(insert, rows, 0);
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
