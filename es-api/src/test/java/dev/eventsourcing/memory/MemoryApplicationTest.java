package dev.eventsourcing.memory;

import dev.eventsourcing.application.ApplicationTestCase;
import java.util.Map;

class MemoryApplicationTest extends ApplicationTestCase {
  @Override
  protected Map<String, String> environment() {
    return Map.of("PERSISTENCE_MODULE", "memory");
  }

  @Override
  protected boolean isStoreSharedBetweenApplications() {
    return false;
  }
}
