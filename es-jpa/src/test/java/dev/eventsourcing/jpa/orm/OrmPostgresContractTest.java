package dev.eventsourcing.jpa.orm;

import static dev.eventsourcing.jpa.orm.OrmDatabases.jpaOnPostgres;
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

/** The contract test cases of es-api on the jpa store on PostgreSQL, each test in a schema of its own. */
class OrmPostgresContractTest {
  private final List<InfrastructureFactory> factories = new ArrayList<>();

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
      return newFactory(perSubject(jpaOnPostgres())).applicationRecorder();
    }
  }

  @Nested
  class PersonalData extends PersonalDataTestCase {
    @Override
    protected Map<String, String> environment() {
      return jpaOnPostgres();
    }
  }

  @Nested
  class PerSubjectApplications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return perSubject(jpaOnPostgres());
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
      return newFactory(jpaOnPostgres()).aggregateRecorder("snapshots");
    }
  }

  @Nested
  class Events extends ApplicationRecorderTestCase {
    @Override
    protected ApplicationRecorder createRecorder() {
      return newFactory(jpaOnPostgres()).applicationRecorder();
    }
  }

  @Nested
  class Tracking extends ProcessRecorderTestCase {
    @Override
    protected ProcessRecorder createRecorder() {
      return newFactory(jpaOnPostgres()).processRecorder();
    }
  }

  @Nested
  class Applications extends ApplicationTestCase {
    @Override
    protected Map<String, String> environment() {
      return jpaOnPostgres();
    }

    @Override
    protected boolean isStoreSharedBetweenApplications() {
      return true;
    }
  }

  @Nested
  class Factory extends InfrastructureFactoryTestCase {
    private final Map<String, String> settings = jpaOnPostgres();

    @Override
    protected Map<String, String> environment() {
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
      return jpaOnPostgres();
    }
  }
}
