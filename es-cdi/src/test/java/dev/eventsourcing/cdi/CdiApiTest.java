package dev.eventsourcing.cdi;

import dev.eventsourcing.api.ApiBaselineTestCase;
import java.util.Set;

/** es-cdi's API: its one package (see docs/api.md). */
class CdiApiTest extends ApiBaselineTestCase {
  @Override
  protected Class<?> moduleClass() {
    return EventSourcingExtension.class;
  }

  @Override
  protected Set<String> apiPackages() {
    return Set.of("dev.eventsourcing.cdi");
  }
}
