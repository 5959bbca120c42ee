package dev.eventsourcing.api;

import dev.eventsourcing.domain.Aggregate;
import java.util.Set;

/** es-api's API: every package is API (see docs/api.md). */
class ApiTest extends ApiBaselineTestCase {
  @Override
  protected Class<?> moduleClass() {
    return Aggregate.class;
  }

  @Override
  protected Set<String> apiPackages() {
    return Set.of("dev.eventsourcing.domain", "dev.eventsourcing.application", "dev.eventsourcing.persistence",
        "dev.eventsourcing.system", "dev.eventsourcing.cipher", "dev.eventsourcing.compressor",
        "dev.eventsourcing.memory", "dev.eventsourcing.micrometer");
  }
}
