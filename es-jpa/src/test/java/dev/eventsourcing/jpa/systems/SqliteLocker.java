package dev.eventsourcing.jpa.systems;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The program another JVM of {@link FollowersSurviveOutagesTest} runs: it holds the write lock of the SQLite file
 * given as the first argument ({@code BEGIN EXCLUSIVE}) for the milliseconds given as the second, printing {@code
 * LOCKED} once it holds it and {@code RELEASED} when it has let it go.
 */
public final class SqliteLocker {
  private SqliteLocker() {}

  public static void main(String[] args) throws SQLException, InterruptedException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 60000");
      statement.execute("BEGIN EXCLUSIVE");
      System.out.println("LOCKED");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
      statement.execute("ROLLBACK");
    }
    System.out.println("RELEASED");
  }
}
