package dev.eventsourcing.jpa.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class KeptStatementsTest {
  @TempDir Path dir;

  private final KeptStatements kept = new KeptStatements();
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (n INTEGER NOT NULL)");
      statement.execute("INSERT INTO t VALUES (1)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kept.db"), config.toProperties());
  }

  @Test
  void aStatementIsPreparedOncePerConnection() throws SQLException {
    PreparedStatement first = kept.get(connection, "SELECT n FROM t WHERE n >= ?");
    first.setInt(1, 0);
    try (ResultSet results = first.executeQuery()) {
      assertThat(results.next()).isTrue();
    }
    KeptStatements.release(first);

    assertThat(kept.get(connection, "SELECT n FROM t WHERE n >= ?")).isSameAs(first);
    try (Connection other = connect()) {
      assertThat(kept.get(other, "SELECT n FROM t WHERE n >= ?")).isNotSameAs(first);
    }
  }

  @Test
  void aDiscardedStatementIsPreparedAgain() throws SQLException {
    PreparedStatement first = kept.get(connection, "SELECT n FROM t");
    KeptStatements.discard(first);

    assertThat(first.isClosed()).isTrue();
    PreparedStatement second = kept.get(connection, "SELECT n FROM t");
    assertThat(second).isNotSameAs(first);
    assertThat(second.isClosed()).isFalse();
  }

  @Test
  void theLeastRecentlyUsedStatementsAreClosedBeyondAFew() throws SQLException {
    PreparedStatement oldest = kept.get(connection, "SELECT 0");
    for (int i = 1; i <= 32; i++) {
      kept.get(connection, "SELECT " + i);
    }

    assertThat(oldest.isClosed()).isTrue();
    assertThat(kept.get(connection, "SELECT 32").isClosed()).isFalse();
  }

  @Test
  void aKeptStatementHoldsNoReadTransactionThatWouldStopACheckpoint() throws SQLException {
    PreparedStatement select = kept.get(connection, "SELECT n FROM t");
    try (ResultSet results = select.executeQuery()) {
      results.next();
    }
    KeptStatements.release(select);

    try (Connection writer = connect(); Statement statement = writer.createStatement()) {
      statement.execute("INSERT INTO t VALUES (2)");
      try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        checkpoint.next();
        assertThat(checkpoint.getInt(1)).as("busy").isZero();
      }
    }
  }
}
