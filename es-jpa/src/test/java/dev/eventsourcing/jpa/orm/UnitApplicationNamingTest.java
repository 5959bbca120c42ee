package dev.eventsourcing.jpa.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Hibernate unit of {@code persistence.xml} that names an application in its property {@code
 * eventsourcing.application}, as a server's unit does, maps the library's entities to that application's tables:
 * Hibernate finds the hook by itself.
 */
class UnitApplicationNamingTest {
  @Test
  void theUnitsPropertyNamesTheTablesOfTheEntities() {
    EntityManagerFactory unit = Persistence.createEntityManagerFactory("eventsourcing-application-hibernate");
    try {
      EntityManager entityManager = unit.createEntityManager();
      try {
        entityManager.getTransaction().begin();
        entityManager.persist(new EventRecord(new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {1}), 1));
        entityManager.getTransaction().commit();
        Object rows = entityManager.createNativeQuery("SELECT count(*) FROM universe_events").getSingleResult();
        assertThat(((Number) rows).longValue()).isEqualTo(1);
        assertThat(entityManager.createQuery("SELECT count(e) FROM EventRecord e", Long.class).getSingleResult())
            .isEqualTo(1);
      } finally {
        entityManager.close();
      }
    } finally {
      unit.close();
    }
  }
}
