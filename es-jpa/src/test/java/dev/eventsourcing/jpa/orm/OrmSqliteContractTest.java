package dev.eventsourcing.jpa.orm;

import static dev.eventsourcing.jpa.orm.OrmDatabases.jpaOnSqlite;
import static dev.eventsourcing.jpa.orm.OrmDatabases.perSubject;

import dev.eventsourcing.application.ApplicationTestCase;
import dev.eventsourcing.application.PersonalDataTestCase;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The contract test cases of es-api on the jpa store on SQLite, each test in a database file of its own. */
class OrmSqliteContractTest {
  @TempDir Path dir;
  private final AtomicInteger files = new AtomicInteger();
  private final List<InfrastructureFactory> factories = new ArrayList<>();

  private Path newFile() {
    return dir.resolve("contract-" + files.incrementAndGet() + ".db");
  }

  @AfterEach
  void closeFactories() {
    factories.forEach(InfrastructureFactory::close);
    factories.clear();
  }

  private InfrastructureFactory newFactory(Map<String, String> settings) {
    InfrastructureFactory factory = InfrastructureFactory.construct(new Environment("Contract", settings));
    factories.add(factory);
    return factory;
  }

  @Nested
  class Keys extends DataKeyRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(perSubject(jpaOnSqlite(newFile()))).applicationRecorder();
    }
  }

  @Nested
  class PersonalData extends PersonalDataTestCase {
    @Override
    protected Map<String, String> environment() {
      return jpaOnSqlite(newFile());
    }
  }

  @Nested
  class PerSubjectApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(jpaOnSqlite(newFile()));
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
  class Snapshots extends AggregateRecorderTestCase {
    @Override
    protected AggregateRecorder createRecorder() {
      return newFactory(jpaOnSqlite(newFile())).aggregateRecorder("snapshots");
    }
  }

  @Nested
  class Events extends ApplicationRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(jpaOnSqlite(newFile())).applicationRecorder();
    }
  }

  @Nested
  class Tracking extends ProcessRecorderTestCase {
    @Override
    protected ProcessRecorder createRecorder() {
      return newFactory(jpaOnSqlite(newFile())).processRecorder();
    }
  }

  @Nested
  class Applications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return jpaOnSqlite(newFile());
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return true;
    }
  }

  @Nested
  class Factory extends InfrastructureFactoryTestCase {
    private Map<String, String> settings;

    @Override
    protected Map<String, String> environment() {
      if (settings == null) {
        settings = jpaOnSqlite(newFile());
      }
      return settings;
    }

    @Override
    protected Class<? extends InfrastructureFactory> expectedFactoryClass() {
      return OrmInfrastructureFactory.class;
    }
  }

  @Nested
  class Systems extends SystemTestCase {
    @Override
    protected Map<String, String> environment() {
      return jpaOnSqlite(newFile());
    }
  }
}
