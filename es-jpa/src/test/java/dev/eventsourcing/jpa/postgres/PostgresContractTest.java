package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.application.ApplicationTestCase;
import dev.eventsourcing.application.PayloadsTestCase;
import dev.eventsourcing.application.PersonalDataTestCase;
import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.AggregateRecorderTestCase;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ApplicationRecorderTestCase;
import dev.eventsourcing.persistence.DataKeyRecorderTestCase;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.InfrastructureFactoryTestCase;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.ProcessRecorderTestCase;
import dev.eventsourcing.system.SystemTestCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The contract test cases of es-api on PostgreSQL, each test in a schema of its own; also with per-subject keys. */
class PostgresContractTest {
  private final List<InfrastructureFactory> factories = new ArrayList<>();

  @AfterEach
  void closeFactories() {
    factories.forEach(InfrastructureFactory::close);
    factories.clear();
  }

  private PostgresInfrastructureFactory newFactory() {
    return newFactory(Map.of());
  }

  private PostgresInfrastructureFactory newFactory(Map<String, String> added) {
    Map<String, String> settings = new HashMap<>(TestPostgres.newSchema());
    settings.put("POSTGRES_POOL_SIZE", "10");
    settings.putAll(added);
    PostgresInfrastructureFactory factory = new PostgresInfrastructureFactory(new Environment("Contract", settings));
    factories.add(factory);
    return factory;
  }

  private static Map<String, String> postgres() {
    Map<String, String> settings = new HashMap<>(TestPostgres.newSchema());
    settings.put("PERSISTENCE_MODULE", "postgres");
    settings.put("POSTGRES_POOL_SIZE", "10");
    return settings;
  }

  private static Map<String, String> perSubject(Map<String, String> store) {
    Map<String, String> settings = new HashMap<>(store);
    settings.put("CIPHER_MODE", "per-subject");
    settings.put("CIPHER_KEY", AesCipher.createKey(32));
    return settings;
  }

  @Nested
  class Keys extends DataKeyRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(perSubject(Map.of())).applicationRecorder();
    }
  }

  @Nested
  class Payloads extends PayloadsTestCase {
    @Override
    protected Map<String, String> environment() {
      return postgres();
    }
  }

  @Nested
  class PersonalData extends PersonalDataTestCase {
    @Override
    protected Map<String, String> environment() {
      return postgres();
    }
  }

  @Nested
  class PerSubjectApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(postgres());
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return true;
    }

    @Override
    protected Map<String, String> encryption() {
      return Map.of();
    }
  }

  @Nested
  class PerSubjectSystems extends SystemTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(postgres());
    }
  }

  @Nested
  class Snapshots extends AggregateRecorderTestCase {
    @Override
    protected AggregateRecorder createRecorder() {
      return newFactory().aggregateRecorder("snapshots");
    }
  }

  @Nested
  class Events extends ApplicationRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory().applicationRecorder();
    }
  }

  @Nested
  class Tracking extends ProcessRecorderTestCase {
    @Override
    protected ProcessRecorder createRecorder() {
      return newFactory().processRecorder();
    }
  }

  @Nested
  class Applications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return postgres();
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return true;
    }
  }

  @Nested
  class Factory extends InfrastructureFactoryTestCase {
    private final Map<String, String> settings = postgres();

    @Override
    protected Map<String, String> environment() {
      return settings;
    }

    @Override
    protected Class<? extends InfrastructureFactory> expectedFactoryClass() {
      return PostgresInfrastructureFactory.class;
    }

    @Override
    protected Map<String, String> badStoreSettings() {
      return Map.ofEntries(Map.entry("POSTGRES_PORT", "0"), Map.entry("POSTGRES_POOL_SIZE", "many"),
          Map.entry("POSTGRES_SCHEMA", "Bad-Schema"), Map.entry("POSTGRES_NOTIFY", "perhaps"),
          Map.entry("POSTGRES_CONNECT_TIMEOUT", "0"), Map.entry("CREATE_TABLE", "maybe"),
          Map.entry("POSTGRES_DBNAME", "  "), Map.entry("POSTGRES_USER", "u".repeat(64)),
          Map.entry("POSTGRES_HOST", "db host"));
    }
  }

  @Nested
  class Systems extends SystemTestCase {
    @Override
    protected Map<String, String> environment() {
      return postgres();
    }
  }
}
