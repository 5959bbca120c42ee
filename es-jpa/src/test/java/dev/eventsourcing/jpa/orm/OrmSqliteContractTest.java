package dev.eventsourcing.jpa.orm;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The contract test cases on the jpa store, Hibernate on SQLite, each test in a database file of its own. */
class OrmSqliteContractTest extends OrmContractTestCase {
  @TempDir Path dir;
  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected Map<String, String> newStore() {
    return OrmDatabases.jpaOnSqlite(dir.resolve("contract-" + files.incrementAndGet() + ".db"));
  }
}
