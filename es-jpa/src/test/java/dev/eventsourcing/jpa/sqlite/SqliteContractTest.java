package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.application.ApplicationTestCase;
import dev.eventsourcing.application.PayloadsTestCase;
import dev.eventsourcing.application.PersonalDataTestCase;
import dev.eventsourcing.cipher.AesCipher;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract test cases of es-api on SQLite, in a database file (one per test) and in memory; in a file also with
 * per-subject encryption.
 */
class SqliteContractTest {
  /** Settings of the SQLite store that are not valid. */
  private static final Map<String, String> BAD_SETTINGS =
      Map.of("SQLITE_LOCK_TIMEOUT", "-1", "CREATE_TABLE", "maybe", "TRANSACTION_TYPE", "XA", "SQLITE_DBNAME", " ");

  private static final String MEMORY = ":memory:";

  @TempDir Path dir;
  private final AtomicInteger files = new AtomicInteger();
  private final List<InfrastructureFactory> factories = new ArrayList<>();

  @AfterEach
  void closeFactories() {
    factories.forEach(InfrastructureFactory::close);
    factories.clear();
  }

  private String newFile() {
    return dir.resolve("contract-" + files.incrementAndGet() + ".db").toString();
  }

  private SqliteInfrastructureFactory newFactory(String dbname) {
    return newFactory(Map.of("SQLITE_DBNAME", dbname));
  }

  private SqliteInfrastructureFactory newFactory(Map<String, String> settings) {
    SqliteInfrastructureFactory factory = new SqliteInfrastructureFactory(new Environment("Contract", settings));
    factories.add(factory);
    return factory;
  }

  private static Map<String, String> sqlite(String dbname) {
    return Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dbname);
  }

  static Map<String, String> perSubject(Map<String, String> store) {
    Map<String, String> settings = new HashMap<>(store);
    settings.put("CIPHER_MODE", "per-subject");
    settings.put("CIPHER_KEY", AesCipher.createKey(32));
    return settings;
  }

  @Nested
  class FileKeys extends DataKeyRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(perSubject(Map.of("SQLITE_DBNAME", newFile()))).applicationRecorder();
    }
  }

  @Nested
  class FilePayloads extends PayloadsTestCase {
    @Override
    protected Map<String, String> environment() {
      return sqlite(newFile());
    }
  }

  @Nested
  class FilePersonalData extends PersonalDataTestCase {
    @Override
    protected Map<String, String> environment() {
      return sqlite(newFile());
    }
  }

  @Nested
  class FilePerSubjectApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(sqlite(newFile()));
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
  class FilePerSubjectSystems extends SystemTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(sqlite(newFile()));
    }
  }

  @Nested
  class MemoryKeys extends DataKeyRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(perSubject(Map.of("SQLITE_DBNAME", MEMORY))).processRecorder();
    }
  }

  @Nested
  class FileSnapshots extends AggregateRecorderTestCase {
    @Override
    protected AggregateRecorder createRecorder() {
      return newFactory(newFile()).aggregateRecorder("snapshots");
    }
  }

  @Nested
  class FileEvents extends ApplicationRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(newFile()).applicationRecorder();
    }
  }

  @Nested
  class FileTracking extends ProcessRecorderTestCase {
    @Override
    protected ProcessRecorder createRecorder() {
      return newFactory(newFile()).processRecorder();
    }
  }

  @Nested
  class FileApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return sqlite(newFile());
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return true;
    }
  }

  @Nested
  class FileFactory extends InfrastructureFactoryTestCase {
    private String file;

    @Override
    protected Map<String, String> environment() {
      if (file == null) {
        file = newFile();
      }
      return sqlite(file);
    }

    @Override
    protected Class<? extends InfrastructureFactory> expectedFactoryClass() {
      return SqliteInfrastructureFactory.class;
    }

    @Override
    protected Map<String, String> badStoreSettings() {
      return BAD_SETTINGS;
    }
  }

  @Nested
  class FileSystems extends SystemTestCase {
    @Override
    protected Map<String, String> environment() {
      return sqlite(newFile());
    }
  }

  @Nested
  class MemorySnapshots extends AggregateRecorderTestCase {
    @Override
    protected AggregateRecorder createRecorder() {
      return newFactory(MEMORY).aggregateRecorder("snapshots");
    }
  }

  @Nested
  class MemoryEvents extends ApplicationRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(MEMORY).applicationRecorder();
    }
  }

  @Nested
  class MemoryTracking extends ProcessRecorderTestCase {
    @Override
    protected ProcessRecorder createRecorder() {
      return newFactory(MEMORY).processRecorder();
    }
  }

  @Nested
  class MemoryApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return sqlite(MEMORY);
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return false;
    }
  }

  @Nested
  class MemoryFactory extends InfrastructureFactoryTestCase {
    @Override
    protected Map<String, String> environment() {
      return sqlite(MEMORY);
    }

    @Override
    protected Class<? extends InfrastructureFactory> expectedFactoryClass() {
      return SqliteInfrastructureFactory.class;
    }

    @Override
    protected Map<String, String> badStoreSettings() {
      return BAD_SETTINGS;
    }
  }
}
