package dev.eventsourcing.jpa.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A unit that names {@link EclipseLinkTableNaming} in its {@code persistence.xml}, as a server's container-managed
 * unit would, built by EclipseLink alone: its {@code EventRecord}s are the rows of the application's events table,
 * which the jpa store of that application reads.
 */
class EclipseLinkTableNamingTest {
  @Test
  void theUnitsPropertyNamesTheApplicationWhoseTablesTheEntitiesMap() {
    Map<String, String> store = Map.of("PERSISTENCE_MODULE", "jpa",
        "JPA_JDBC_URL", "jdbc:h2:mem:customized-eclipselink;DB_CLOSE_DELAY=-1");
    StoredEvent event = new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {7});
    try (InfrastructureFactory universe = InfrastructureFactory.construct(new Environment("Universe", store))) {
      universe.applicationRecorder();

      EntityManagerFactory unit = Persistence.createEntityManagerFactory("eventsourcing-customized-eclipselink");
      try {
        EntityManager entityManager = unit.createEntityManager();
        entityManager.getTransaction().begin();
        entityManager.persist(new EventRecord(event, 1));
        entityManager.getTransaction().commit();
        entityManager.close();
      } finally {
        unit.close();
      }

      List<Notification> log = universe.applicationRecorder().selectNotifications(1, 10);
      assertThat(log).extracting(Notification::id).containsExactly(1L);
      assertThat(log).extracting(Notification::storedEvent).containsExactly(event);
    }
  }
}
