package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.jpa.GroupCommitTestCase;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

class PostgresGroupCommitTest extends GroupCommitTestCase {
  @Override
  protected Map<String, String> settings() {
    return TestPostgres.newSchema();
  }

  @Override
  protected DataSource database(Map<String, String> settings) {
    return TestPostgres.dataSource(settings);
  }

  @Override
  protected InfrastructureFactory factory(Environment environment, DataSource dataSource) {
    return new PostgresInfrastructureFactory(environment, dataSource);
  }

  @Override
  protected AutoCloseable holdWriteLock(DataSource database, String eventsTable) throws Exception {
    Connection connection = database.getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOCK TABLE " + eventsTable + " IN EXCLUSIVE MODE");
    }
    return () -> {
      try (connection) {
        connection.rollback();
      }
    };
  }

  @Override
  protected Map<String, String> processEnvironment(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("PERSISTENCE_MODULE", "postgres");
    return environment;
  }
}
