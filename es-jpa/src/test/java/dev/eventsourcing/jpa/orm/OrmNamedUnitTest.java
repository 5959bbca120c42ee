package dev.eventsourcing.jpa.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.StoredEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jpa store on a persistence unit of the class path's {@code META-INF/persistence.xml}, of Hibernate (an SQLite
 * file under {@code target/}) or of EclipseLink (an H2 database): each application's events are in its own tables,
 * which another store reads.
 */
class OrmNamedUnitTest {
  private static final Path FILE = Path.of("target/named-unit.db");

  @BeforeEach
  void deleteTheDatabase() throws IOException {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(FILE + suffix));
    }
  }

  @Test
  void eachApplicationOfTheUnitHasItsOwnTables() {
    Map<String, String> unit = Map.of("PERSISTENCE_MODULE", "jpa", "JPA_PERSISTENCE_UNIT", "eventsourcing-named-unit");
    StoredEvent event = new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {1});
    StoredEvent other = new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {2});

    try (InfrastructureFactory orders = factory("Orders", unit);
        InfrastructureFactory invoices = factory("Invoices", unit)) {
      assertThat(orders).isInstanceOf(OrmInfrastructureFactory.class);
      assertThat(orders.applicationRecorder().insertEvents(List.of(event))).containsExactly(1L);
      assertThat(invoices.applicationRecorder().insertEvents(List.of(other))).containsExactly(1L);
    }

    Map<String, String> sqlite = Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", FILE.toString());
    try (InfrastructureFactory orders = factory("Orders", sqlite);
        InfrastructureFactory invoices = factory("Invoices", sqlite)) {
      ApplicationRecorder ordersEvents = orders.applicationRecorder();
      assertThat(ordersEvents.selectNotifications(1, 10)).extracting(n -> n.storedEvent()).containsExactly(event);
      assertThat(invoices.applicationRecorder().selectNotifications(1, 10)).extracting(n -> n.storedEvent())
          .containsExactly(other);
    }
  }

  @Test
  void aUnitOfEclipseLinkIsFoundByItsProviderAndHasTheApplicationsTables() {
    Map<String, String> unit = Map.of("PERSISTENCE_MODULE", "jpa",
        "JPA_PERSISTENCE_UNIT", "eventsourcing-named-eclipselink");
    StoredEvent event = new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {1});
    StoredEvent other = new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {2});

    try (InfrastructureFactory orders = factory("Orders", unit);
        InfrastructureFactory invoices = factory("Invoices", unit)) {
      assertThat(orders.applicationRecorder().insertEvents(List.of(event))).containsExactly(1L);
      assertThat(invoices.applicationRecorder().insertEvents(List.of(other))).containsExactly(1L);
      assertThat(orders.applicationRecorder().insertEvents(List.of(other))).containsExactly(2L);
    }

    Map<String, String> hibernate = Map.of("PERSISTENCE_MODULE", "jpa",
        "JPA_JDBC_URL", "jdbc:h2:mem:named-eclipselink;DB_CLOSE_DELAY=-1");
    try (InfrastructureFactory orders = factory("Orders", hibernate);
        InfrastructureFactory invoices = factory("Invoices", hibernate)) {
      assertThat(orders.applicationRecorder().selectNotifications(1, 10)).extracting(n -> n.storedEvent())
          .containsExactly(event, other);
      assertThat(invoices.applicationRecorder().selectNotifications(1, 10)).extracting(n -> n.storedEvent())
          .containsExactly(other);
    }
  }

  @Test
  void aUnitThatIsNotThereFailsNamingTheSetting() {
    Map<String, String> settings = Map.of("PERSISTENCE_MODULE", "jpa", "JPA_PERSISTENCE_UNIT", "no-such-unit");

    assertThatThrownBy(() -> factory("Orders", settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JPA_PERSISTENCE_UNIT='no-such-unit'");
  }

  private static InfrastructureFactory factory(String name, Map<String, String> settings) {
    return InfrastructureFactory.construct(new Environment(name, settings));
  }
}
