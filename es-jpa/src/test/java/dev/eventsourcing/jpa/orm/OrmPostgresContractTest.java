package dev.eventsourcing.jpa.orm;

import java.util.Map;

/** The contract test cases on the jpa store, Hibernate on PostgreSQL, each test in a schema of its own. */
class OrmPostgresContractTest extends OrmContractTestCase {
  @Override
  protected Map<String, String> newStore() {
    return OrmDatabases.jpaOnPostgres();
  }
}
