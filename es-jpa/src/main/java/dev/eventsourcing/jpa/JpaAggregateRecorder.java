package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Records snapshots in the application's snapshots table, and is the base of the events recorders. */
public class JpaAggregateRecorder implements AggregateRecorder {
  protected final JpaStore store;
  private final String selectEvents;
  private final String insertSnapshot;

  public JpaAggregateRecorder(JpaStore store) {
    this(store, store.tables().snapshots());
  }

  /** A recorder that selects from {@code table}, a name of {@link TableNames}. */
  protected JpaAggregateRecorder(JpaStore store, String table) {
    this.store = store;
    this.selectEvents = "SELECT originator_version, topic, state FROM " + table + " WHERE originator_id = ?";
    this.insertSnapshot = "INSERT INTO " + table + " (originator_id, originator_version, topic, state)"
        + " VALUES (?, ?, ?, ?)";
  }

  @Override
  public List<Long> insertEvents(List<StoredEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    return store.write(describeInsert(events), connection -> store.withStatement(connection, insertSnapshot, insert -> {
      for (StoredEvent event : events) {
        store.setUuid(insert, 1, event.originatorId());
        insert.setInt(2, event.originatorVersion());
        insert.setString(3, event.topic());
        insert.setBytes(4, event.state());
        insert.addBatch();
      }
      insert.executeBatch();
      return List.of();
    }));
  }

  @Override
  public List<StoredEvent> selectEvents(
      UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
    String query = selectEvents
        + (gt != null ? " AND originator_version > ?" : "")
        + (lte != null ? " AND originator_version <= ?" : "")
        + (desc ? " ORDER BY originator_version DESC" : " ORDER BY originator_version")
        + (limit != null ? " LIMIT ?" : "");
    return store.select("selecting events of " + originatorId, connection -> {
      return store.withStatement(connection, query, select -> {
        int parameter = 1;
        store.setUuid(select, parameter++, originatorId);
        if (gt != null) {
          select.setInt(parameter++, gt);
        }
        if (lte != null) {
          select.setInt(parameter++, lte);
        }
        if (limit != null) {
          select.setInt(parameter, Math.max(limit, 0));
        }
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet results = select.executeQuery()) {
          while (results.next()) {
            events.add(new StoredEvent(originatorId, results.getInt(1), results.getString(2), results.getBytes(3)));
          }
        }
        return events;
      });
    });
  }

  /** Names a batch of events in messages by its size and its first event. */
  protected static String describeInsert(List<StoredEvent> events) {
    StoredEvent first = events.get(0);
    return "inserting " + events.size() + (events.size() == 1 ? " event" : " events") + " (first: "
        + first.originatorId() + " v" + first.originatorVersion() + ")";
  }
}
