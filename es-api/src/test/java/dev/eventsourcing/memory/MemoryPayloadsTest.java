package dev.eventsourcing.memory;

import dev.eventsourcing.application.PayloadsTestCase;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.util.Map;
import java.util.UUID;

class MemoryPayloadsTest extends PayloadsTestCase {
  private final String store = UUID.randomUUID().toString();

  @Override
  protected Map<String, String> environment() {
    return Map.of(
        InfrastructureFactory.INFRASTRUCTURE_FACTORY, SharedMemoryInfrastructureFactory.class.getName(),
        SharedMemoryInfrastructureFactory.MEMORY_STORE, store);
  }

  @Override
  protected void cleanUp() {
    SharedMemoryInfrastructureFactory.forget(store);
  }
}
