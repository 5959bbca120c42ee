package dev.eventsourcing.bench.jdbc;

import dev.eventsourcing.bench.Worlds;
import dev.eventsourcing.examples.universe.World;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * W5's baseline follower. In the library's discipline it does what the library's process application does: it
 * reads the notifications after the highest tracked id in pages, decodes each event, and for each batch of them, in
 * one transaction that holds the follower's writer lock, checks the tracked id again, inserts a new world's first
 * event for each, and the tracking record of the batch's last notification. At the physical limit, for each batch
 * of a page it inserts the new events (the database giving their ids) and the tracking record, and commits: no
 * lock, no check.
 */
final class JdbcFollower implements Worlds.Follower {
  private static final int PAGE_SIZE = 500;

  private final JdbcWorlds store;
  private final JdbcWorlds.Discipline discipline;
  private final EventCodec codec;
  private final int batchSize;
  private final Connection connection;
  private final Statement control;
  private final PreparedStatement selectTracking;
  private final PreparedStatement selectNotifications;
  private final PreparedStatement insertEvent;
  private final PreparedStatement insertTracking;

  JdbcFollower(JdbcWorlds store, EventCodec codec, int batchSize) throws SQLException {
    this.store = store;
    this.discipline = store.discipline();
    this.codec = codec;
    this.batchSize = batchSize;
    this.connection = store.connect();
    this.control = connection.createStatement();
    this.selectTracking = connection.prepareStatement(
        "SELECT COALESCE(MAX(notification_id), 0) FROM " + discipline.tracking() + " WHERE application_name = ?");
    this.selectNotifications = connection.prepareStatement(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM " + discipline.events()
            + " WHERE notification_id >= ? ORDER BY notification_id LIMIT ?");
    this.insertEvent = connection.prepareStatement(
        JdbcWorlds.insertEvent(discipline.followerEvents(), discipline));
    this.insertTracking = connection.prepareStatement(
        "INSERT INTO " + discipline.tracking() + " (application_name, notification_id) VALUES (?, ?)");
  }

  @Override
  public long processAll() {
    long processed = 0;
    try {
      long position = selectTracked();
      while (true) {
        List<Upstream> page = select(position + 1);
        if (page.isEmpty()) {
          return processed;
        }
        for (int index = 0; index < page.size(); index += batchSize) {
          List<Upstream> batch = page.subList(index, Math.min(page.size(), index + batchSize));
          record(batch);
          position = batch.get(batch.size() - 1).id();
          processed += batch.size();
        }
      }
    } catch (SQLException e) {
      throw JdbcWorlds.failed("following the log", e);
    }
  }

  @Override
  public long recordedEvents() {
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT COUNT(*) FROM " + discipline.followerEvents())) {
      results.next();
      return results.getLong(1);
    } catch (SQLException e) {
      throw JdbcWorlds.failed("counting the follower's events", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw JdbcWorlds.failed("closing the follower's connection", e);
    }
  }

  private record Upstream(long id, World.Event payload) {}

  private List<Upstream> select(long start) throws SQLException {
    List<Upstream> page = new ArrayList<>(PAGE_SIZE);
    selectNotifications.setLong(1, start);
    selectNotifications.setInt(2, PAGE_SIZE);
    try (ResultSet results = selectNotifications.executeQuery()) {
      while (results.next()) {
        long id = results.getLong(1);
        EventCodec.DecodedEvent event = codec.decodeEvent(
            store.getUuid(results, 2), results.getInt(3), results.getString(4), results.getBytes(5));
        page.add(new Upstream(id, event.payload()));
      }
    }
    return page;
  }

  private void record(List<Upstream> batch) throws SQLException {
    try {
      long next = 0;
      if (discipline == JdbcWorlds.Discipline.LIBRARY) {
        next = store.beginFollowing(connection, control) + 1;
        if (selectTracked() >= batch.get(0).id()) {
          throw new IllegalStateException("notification " + batch.get(0).id() + " is tracked already");
        }
      } else {
        store.begin(connection, control);
      }
      long last = batch.get(batch.size() - 1).id();
      Instant now = JdbcWorlds.now();
      for (Upstream upstream : batch) {
        World.Event created = new World.Created("after notification " + upstream.id());
        store.setUuid(insertEvent, 1, UUID.randomUUID());
        insertEvent.setInt(2, 1);
        insertEvent.setString(3, EventCodec.topicOf(created));
        insertEvent.setBytes(4, codec.encodeEvent(1, now, created));
        if (discipline == JdbcWorlds.Discipline.LIBRARY) {
          insertEvent.setLong(5, next++);
        }
        if (batch.size() > 1) {
          insertEvent.addBatch();
        }
      }
      if (batch.size() > 1) {
        insertEvent.executeBatch();
      } else {
        insertEvent.executeUpdate();
      }
      insertTracking.setString(1, discipline.upstream());
      insertTracking.setLong(2, last);
      insertTracking.executeUpdate();
      store.commit(connection, control);
    } catch (SQLException | RuntimeException e) {
      store.rollback(connection, control);
      throw e;
    }
  }

  private long selectTracked() throws SQLException {
    selectTracking.setString(1, discipline.upstream());
    try (ResultSet results = selectTracking.executeQuery()) {
      results.next();
      return results.getLong(1);
    }
  }
}
