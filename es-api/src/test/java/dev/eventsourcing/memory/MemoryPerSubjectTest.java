package dev.eventsourcing.memory;

import dev.eventsourcing.application.ApplicationTestCase;
import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.system.SystemTestCase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/** The application and system contract tests on the in-memory store with per-subject encryption. */
class MemoryPerSubjectTest {
  static Map<String, String> perSubject(Map<String, String> store) {
    Map<String, String> settings = new java.util.HashMap<>(store);
    settings.put(InfrastructureFactory.CIPHER_MODE, "per-subject");
    settings.put(InfrastructureFactory.CIPHER_KEY, AesCipher.createKey(32));
    return settings;
  }

  @Nested
  class Applications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(Map.of("PERSISTENCE_MODULE", "memory"));
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return false;
    }

    @Override
    protected Map<String, String> encryption() {
      return Map.of();
    }
  }

  @Nested
  class Systems extends SystemTestCase {
    private final String store = UUID.randomUUID().toString();

    @Override
    protected Map<String, String> environment() {
      return perSubject(Map.of(
          InfrastructureFactory.INFRASTRUCTURE_FACTORY, SharedMemoryInfrastructureFactory.class.getName(),
          SharedMemoryInfrastructureFactory.MEMORY_STORE, store));
    }

    @Override
    protected void cleanUp() {
      SharedMemoryInfrastructureFactory.forget(store);
    }
  }
}
