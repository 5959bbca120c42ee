package dev.eventsourcing.jpa;

import dev.eventsourcing.api.ApiBaselineTestCase;
import java.util.Set;

/** es-jpa's API: every package is API (see docs/api.md). */
class JpaApiTest extends ApiBaselineTestCase {
  @Override
  protected Class<?> moduleClass() {
    return JpaInfrastructureFactory.class;
  }

  @Override
  protected Set<String> apiPackages() {
    return Set.of("dev.eventsourcing.jpa", "dev.eventsourcing.jpa.entity", "dev.eventsourcing.jpa.orm",
        "dev.eventsourcing.jpa.postgres", "dev.eventsourcing.jpa.sqlite");
  }
}
