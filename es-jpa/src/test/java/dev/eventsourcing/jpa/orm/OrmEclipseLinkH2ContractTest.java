package dev.eventsourcing.jpa.orm;

import java.util.Map;

/** The contract test cases on the jpa store, EclipseLink on H2, each test in an in-memory database of its own. */
class OrmEclipseLinkH2ContractTest extends OrmContractTestCase {
  @Override
  protected Map<String, String> newStore() {
    return OrmDatabases.eclipseLink(OrmDatabases.jpaOnH2());
  }
}
