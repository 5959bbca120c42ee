package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.GroupCommitTestCase;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class SqliteGroupCommitTest extends GroupCommitTestCase {
  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected Map<String, String> settings() {
    return Map.of("SQLITE_DBNAME", dir.resolve("grouped-" + files.incrementAndGet() + ".db").toString());
  }

  @Override
  protected DataSource database(Map<String, String> settings) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(120_000);
    SQLiteDataSource database = new SQLiteDataSource(config);
    database.setUrl("jdbc:sqlite:" + settings.get("SQLITE_DBNAME"));
    return database;
  }

  @Override
  protected InfrastructureFactory factory(Environment environment, DataSource dataSource) {
    return new SqliteInfrastructureFactory(environment, dataSource);
  }

  @Override
  protected AutoCloseable holdWriteLock(DataSource database, String eventsTable) throws Exception {
    Connection connection = database.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
    }
    return () -> {
      try (connection; Statement statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      }
    };
  }

  @Override
  protected Map<String, String> processEnvironment(Map<String, String> settings) {
    return Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", settings.get("SQLITE_DBNAME"));
  }
}
