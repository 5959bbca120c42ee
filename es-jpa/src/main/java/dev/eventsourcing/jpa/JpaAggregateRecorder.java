package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/** Records snapshots in the application's snapshots table, and is the base of the events recorders. */
public class JpaAggregateRecorder implements AggregateRecorder {
  protected final JpaStore store;
  private final String entity;

  public JpaAggregateRecorder(JpaStore store) {
    this(store, SnapshotRecord.class);
  }

  protected JpaAggregateRecorder(JpaStore store, Class<?> entity) {
    this.store = store;
    this.entity = entity.getSimpleName();
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    return store.write(describeInsert(events), session -> {
      List<SnapshotRecord> records = new ArrayList<>(events.size());
      for (StoredEvent event : events) {
        records.add(new SnapshotRecord(
            event.originatorId(), event.originatorVersion(), event.topic(), event.state()));
      }
      insert(session, records);
      return List.of();
    });
  }

  @Override
  public List<StoredEvent> selectEvents(
      UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
    StringBuilder query = new StringBuilder(
        "select new dev.eventsourcing.persistence.StoredEvent(r.originatorId, r.originatorVersion, r.topic, r.state)"
            + " from ").append(entity).append(" r where r.originatorId = :id");
    if (gt != null) {
      query.append(" and r.originatorVersion > :gt");
    }
    if (lte != null) {
      query.append(" and r.originatorVersion <= :lte");
    }
    query.append(desc ? " order by r.originatorVersion desc" : " order by r.originatorVersion");
    return store.read("selecting events of " + originatorId, session -> {
      SelectionQuery<StoredEvent> select = session.createSelectionQuery(query.toString(), StoredEvent.class)
          .setParameter("id", originatorId);
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

  /** Inserts records in JDBC batches. */
  protected static void insert(StatelessSession session, List<?> records) {
    if (records.size() == 1) {
      session.insert(records.get(0));
    } else {
      session.insertMultiple(records);
    }
  }

  /** Names a batch of events in messages by its size and its first event. */
  protected static String describeInsert(List<StoredEvent> events) {
    StoredEvent first = events.get(0);
    return "inserting " + events.size() + (events.size() == 1 ? " event" : " events") + " (first: "
        + first.originatorId() + " v" + first.originatorVersion() + ")";
  }
}
