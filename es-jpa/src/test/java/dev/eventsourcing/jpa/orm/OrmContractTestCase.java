package dev.eventsourcing.jpa.orm;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The contract test cases of es-api on the jpa store, on one provider and database of the matrix: each subclass
 * gives the settings of a new, empty database (a schema, a file, a database of a server) for each test.
 */
abstract class OrmContractTestCase {
  private final List<InfrastructureFactory> factories = new ArrayList<>();

  /** The settings of the jpa store, {@code PERSISTENCE_MODULE} included, on a new empty database. */
  protected abstract Map<String, String> newStore();

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
      return newFactory(perSubject(newStore())).applicationRecorder();
    }
  }

  @Nested
  class PersonalData extends PersonalDataTestCase {
    @Override
    protected Map<String, String> environment() {
      return newStore();
    }
  }

  @Nested
  class PerSubjectApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(newStore());
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
      return newFactory(newStore()).aggregateRecorder("snapshots");
    }
  }

  @Nested
  class Events extends ApplicationRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(newStore()).applicationRecorder();
    }
  }

  @Nested
  class Tracking extends ProcessRecorderTestCase {
    @Override
    protected ProcessRecorder createRecorder() {
      return newFactory(newStore()).processRecorder();
    }
  }

  @Nested
  class Applications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return newStore();
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
        settings = newStore();
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
      return newStore();
    }
  }
}
