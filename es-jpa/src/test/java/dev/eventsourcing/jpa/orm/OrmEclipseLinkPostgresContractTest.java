package dev.eventsourcing.jpa.orm;

import java.util.Map;

/** The contract test cases on the jpa store, EclipseLink on PostgreSQL, each test in a schema of its own. */
class OrmEclipseLinkPostgresContractTest extends OrmContractTestCase {
  @Override
  protected Map<String, String> newStore() {
    return OrmDatabases.eclipseLink(OrmDatabases.jpaOnPostgres());
  }
}
