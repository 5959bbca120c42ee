package dev.eventsourcing.jpa.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Statements kept prepared on the connections of the store's own pool. sqlite-jdbc compiles a statement anew each
 * time one is prepared, which costs about as much as running a small select, and the pool closes the statements
 * made through its connections when they are returned; so the statements are prepared on the pool's physical
 * connections and kept, a few dozen per connection, until the pool closes the connection. A connection's statements
 * are used only by the thread that has borrowed it from the pool, which hands it on with a happens-before edge.
 */
final class KeptStatements {
  /** The most statements kept per connection: the recorders use fewer, except for selections by many topics. */
  private static final int PER_CONNECTION = 32;

  private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

  /** A statement of {@code sql} on the physical connection under {@code pooled}, prepared if it is not kept. */
  PreparedStatement get(Connection pooled, String sql) throws SQLException {
    Connection physical = pooled.unwrap(SQLiteConnection.class);
    Map<String, PreparedStatement> statements = byConnection.get(physical);
    if (statements == null) {
      // A connection the pool has closed closed its statements too: forget them.
      byConnection.keySet().removeIf(KeptStatements::isClosed);
      statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= PER_CONNECTION) {
            return false;
          }
          close(eldest.getValue());
          return true;
        }
      };
      byConnection.put(physical, statements);
    }
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = physical.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Makes a statement that {@link #get} returned ready for its next use. */
  static void release(PreparedStatement statement) throws SQLException {
    statement.clearParameters();
  }

  /** Closes a statement after a failure, which may have left it in any state; the next get prepares it again. */
  static void discard(PreparedStatement statement) {
    close(statement);
  }

  private static void close(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // It is no longer used; the connection releases it when it closes.
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
