package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.ConnectionWork;
import dev.eventsourcing.jpa.DriverErrors;
import dev.eventsourcing.jpa.GroupCommit;
import dev.eventsourcing.jpa.JpaStore;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.WriterQueue;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

final class SqliteStore extends JpaStore {
  private final WriterQueue writers;
  private final @Nullable GroupCommit groups;
  private final String maxNotificationId;
  private final @Nullable KeptStatements kept;

  /**
   * @param ownPool whether {@code dataSource} is the store's own pool, on whose connections statements are kept
   *     prepared
   * @param jta whether its transactions are a server's, in which writers take no turns in the process
   */
  SqliteStore(String applicationName, TableNames tables, DataSource dataSource, boolean jta,
      List<AutoCloseable> resources, int lockTimeoutSeconds, boolean ownPool) {
    super(applicationName, tables, dataSource, jta, resources);
    this.kept = ownPool ? new KeptStatements() : null;
    this.writers = jta
        ? WriterQueue.none(applicationName)
        : new WriterQueue(applicationName, lockTimeoutSeconds, SqliteInfrastructureFactory.SQLITE_LOCK_TIMEOUT);
    this.groups = jta ? null : groupCommit(writers);
    this.maxNotificationId = "SELECT COALESCE(MAX(notification_id), 0) FROM " + tables.events();
  }

  @Override
  protected DriverErrors driverErrors() {
    return SqliteErrors.INSTANCE;
  }

  /**
   * One writer at a time in this process, events or snapshots; the transaction begins with {@code BEGIN
   * IMMEDIATE} ({@link #begin}), which keeps writers of other processes out until it ends.
   */
  @Override
  public <T> T write(String operation, ConnectionWork<T> work) {
    return writers.inTurn(operation, () -> super.write(operation, work));
  }

  /** The writers of events that wait for a turn go together in the next (outside JTA transactions). */
  @Override
  public <T> T writeEvents(String operation, ConnectionWork<T> work) {
    return groups == null ? super.writeEvents(operation, work) : groups.submit(operation, work);
  }

  /**
   * {@code BEGIN IMMEDIATE} takes the database's write lock at once, on any connection in auto-commit mode, and
   * keeps writers of other processes out until the transaction ends.
   */
  @Override
  protected void begin(Connection connection) throws SQLException {
    execute(connection, List.of("BEGIN IMMEDIATE"));
  }

  @Override
  protected void commit(Connection connection) throws SQLException {
    execute(connection, List.of("COMMIT"));
  }

  @Override
  protected void rollback(Connection connection) throws SQLException {
    execute(connection, List.of("ROLLBACK"));
  }

  @Override
  protected long lockEvents(Connection connection) throws SQLException {
    return selectLong(connection, maxNotificationId);
  }

  /**
   * Copies the erased key records into the database file, and empties the write-ahead log that still holds their
   * earlier versions; the pages they leave are zeroed where the pool's connections use {@code secure_delete}.
   * A reader in the middle of a transaction can keep the log from being emptied until a later erasure.
   */
  @Override
  protected void removeErasedCopies(Connection connection) throws SQLException {
    execute(connection, List.of("PRAGMA wal_checkpoint(TRUNCATE)"));
  }

  @Override
  protected <T> T withStatement(Connection connection, String sql, StatementWork<T> work) throws SQLException {
    if (kept == null) {
      return super.withStatement(connection, sql, work);
    }
    PreparedStatement statement = kept.get(connection, sql);
    T result;
    try {
      result = work.run(statement);
    } catch (SQLException | RuntimeException e) {
      KeptStatements.discard(statement);
      throw e;
    }
    KeptStatements.release(statement);
    return result;
  }

  @Override
  protected void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
    statement.setBytes(index, ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
  }

  @Override
  protected UUID getUuid(ResultSet results, int index) throws SQLException {
    ByteBuffer bytes = ByteBuffer.wrap(results.getBytes(index));
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  @Override
  protected List<String> createTableStatements(String table) {
    return SqliteTables.createStatements(tables(), table);
  }
}
