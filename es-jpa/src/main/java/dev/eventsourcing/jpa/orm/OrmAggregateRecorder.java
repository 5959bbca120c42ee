package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Records snapshots as {@link SnapshotRecord}s, and is the base of the events recorders. */
class OrmAggregateRecorder implements AggregateRecorder {
  protected final OrmStore store;
  private final String selectEvents;

  OrmAggregateRecorder(OrmStore store) {
    this(store, SnapshotRecord.ENTITY);
  }

  /** A recorder that selects the entities named {@code entity}. */
  protected OrmAggregateRecorder(OrmStore store, String entity) {
    this.store = store;
    this.selectEvents = "SELECT new " + StoredEvent.class.getName()
        + "(r.originatorId, r.originatorVersion, r.topic, r.state) FROM " + entity + " r"
        + " WHERE r.originatorId = :originatorId";
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    return store.write(describeInsert(events), entityManager -> {
      for (StoredEvent event : events) {
        entityManager.persist(new SnapshotRecord(event));
      }
      return List.of();
    });
  }

  @Override
  public List<StoredEvent> selectEvents(
      UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
    if (limit != null && limit <= 0) {
      return List.of();
    }
    String query = selectEvents
        + (gt != null ? " AND r.originatorVersion > :gt" : "")
        + (lte != null ? " AND r.originatorVersion <= :lte" : "")
        + (desc ? " ORDER BY r.originatorVersion DESC" : " ORDER BY r.originatorVersion");
    return store.read("selecting events of " + originatorId, entityManager -> {
      TypedQuery<StoredEvent> select = entityManager.createQuery(query, StoredEvent.class)
          .setParameter("originatorId", originatorId);
      if (gt != null) {
        select.setParameter("gt", gt);
      }
      if (lte != null) {
        select.setParameter("lte", lte);
      }
      if (limit != null) {
        select.setMaxResults(limit);
      }
      return select.getResultList();
    });
  }

  /** Names a batch of events in messages by its size and its first event. */
  protected static String describeInsert(List<StoredEvent> events) {
    StoredEvent first = events.get(0);
    return "inserting " + events.size() + (events.size() == 1 ? " event" : " events") + " (first: "
        + first.originatorId() + " v" + first.originatorVersion() + ")";
  }
}
