package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.InfrastructureFactoryTestCase;
import java.util.Map;

class MemoryInfrastructureFactoryTest extends InfrastructureFactoryTestCase {
  @Override
  protected Map<String, String> environment() {
    return Map.of("PERSISTENCE_MODULE", "memory");
  }

  @Override
  protected Class<? extends InfrastructureFactory> expectedFactoryClass() {
    return MemoryInfrastructureFactory.class;
  }
}
