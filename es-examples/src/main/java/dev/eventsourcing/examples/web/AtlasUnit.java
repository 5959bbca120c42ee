package dev.eventsourcing.examples.web;

import dev.eventsourcing.cdi.EventSourcingConfig;
import dev.eventsourcing.cdi.ForApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The persistence unit {@code atlas} of the deployment ({@code META-INF/persistence.xml}): the {@link Atlas}'s
 * events and the {@link WorldSummary} entities, in the server's JTA transactions.
 */
@ApplicationScoped
public class AtlasUnit {
  @PersistenceContext(unitName = "atlas")
  EntityManager entityManager;

  @Inject Atlas atlas;

  /** The Atlas keeps its events in this unit, with the jpa store. */
  @Produces
  @ForApplication(Atlas.class)
  EventSourcingConfig atlas() {
    return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "jpa")).withEntityManager(entityManager);
  }

  /**
   * Creates a world, charts it, and records its summary, in one transaction: the world's events and its summary
   * commit together, or neither does (a name already taken fails the transaction).
   */
  @Transactional
  public UUID chart(String name) {
    UUID id = atlas.createWorld(name);
    atlas.makeItSo(id, "charted");
    entityManager.persist(new WorldSummary(name, id));
    entityManager.flush();
    return id;
  }

  /** The summary of the world of that name, or {@code null}. */
  public WorldSummary summary(String name) {
    return entityManager.find(WorldSummary.class, name);
  }

  /** The names of the worlds charted, in order. */
  public List<String> names() {
    return entityManager.createQuery("SELECT s.name FROM WorldSummary s ORDER BY s.name", String.class)
        .getResultList();
  }
}
