package dev.eventsourcing.jpa.orm;

import java.util.Map;

/**
 * The contract test cases on the jpa store, Hibernate on MariaDB (a real server, {@link TestMariaDb}), each test in
 * a database of its own.
 */
class OrmMariaDbContractTest extends OrmContractTestCase {
  @Override
  protected Map<String, String> newStore() {
    return Map.of("PERSISTENCE_MODULE", "jpa", "JPA_JDBC_URL", TestMariaDb.newDatabase(), "JPA_JDBC_USER", "root");
  }
}
