package dev.eventsourcing.jpa.orm;

import java.util.Map;

/** The contract test cases on the jpa store, Hibernate on H2, each test in an in-memory database of its own. */
class OrmH2ContractTest extends OrmContractTestCase {
  @Override
  protected Map<String, String> newStore() {
    return OrmDatabases.jpaOnH2();
  }
}
