package dev.eventsourcing.bench.jdbc;

import dev.eventsourcing.bench.Worlds;
import dev.eventsourcing.examples.universe.World;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The baselines: the benchmark's operations with plain JDBC prepared statements, in one of two {@link Discipline
 * disciplines}. The library's discipline works on an events table of the library's shape (primary key {@code
 * (originator_id, originator_version)}, a unique {@code notification_id}, the topic and the state) and a snapshots
 * table; every write is one transaction in which the store's subclass serialises writers, so notification ids are
 * given as the highest id plus one onward: gap-free, contiguous within a transaction and in commit order, which is
 * what the library promises; several events are inserted as one batch. The physical limit does the least the work
 * needs: the database gives the ids (an identity column), no writer waits for another's lock, a single event is
 * inserted in auto-commit mode. Each thread uses a connection of its own, with its statements prepared once.
 */
public abstract class JdbcWorlds implements Worlds {
  /** How the baseline orders its writers and numbers its events. */
  public enum Discipline {
    /**
     * The library's promises kept by hand: writers serialised by a lock, ids assigned as the highest plus one, the
     * follower's tracking checked again in each transaction.
     */
    LIBRARY("bench_raw"),
    /**
     * The physical limit: an identity column gives the ids, writers take no lock (so a reader could skip an event
     * committed late: this is a bound, not a store), one event is one auto-commit insert, and W5's follower checks
     * nothing: per batch it inserts the new events and the tracking row, and commits.
     */
    LIMIT("bench_limit");

    private final String prefix;

    Discipline(String prefix) {
      this.prefix = prefix;
    }

    /** The baseline's events table. */
    public String events() {
      return prefix + "_events";
    }

    public String snapshots() {
      return prefix + "_snapshots";
    }

    /** W5's follower's events table, of the events table's shape. */
    public String followerEvents() {
      return prefix + "_follower_events";
    }

    /** W5's follower's tracking records. */
    public String tracking() {
      return prefix + "_tracking";
    }

    /** The name the follower tracks its upstream by. */
    String upstream() {
      return prefix;
    }
  }

  private final Discipline discipline;
  private final EventCodec codec;
  private final boolean snapshotsKept;
  private final Queue<Session> sessions = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Session> session = new ThreadLocal<>();

  /**
   * @param discipline which baseline this is
   * @param codec how events and snapshots are encoded
   * @param snapshotsKept whether {@link #rebuild} starts from the latest snapshot, as the library does when
   *     snapshotting is enabled
   */
  protected JdbcWorlds(Discipline discipline, EventCodec codec, boolean snapshotsKept) {
    this.discipline = discipline;
    this.codec = codec;
    this.snapshotsKept = snapshotsKept;
  }

  /** Creates the tables with the statements of a subclass's dialect; for its constructor. */
  protected final void createTables(String... statements) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw failed("creating tables", e);
    }
  }

  public Discipline discipline() {
    return discipline;
  }

  /** Opens a connection in auto-commit mode. */
  protected abstract Connection connect() throws SQLException;

  /**
   * Starts a transaction that writes events and inserts the rows, under the lock that serialises writers until the
   * transaction ends, with the notification ids after the highest recorded.
   *
   * @param insert prepared {@code INSERT} of {@code originator_id, originator_version, topic, state,
   *     notification_id}, for {@link #insertBatch}
   */
  protected abstract void lockAndInsert(
      Connection connection, Statement control, PreparedStatement insert, List<Row> rows) throws SQLException;

  /**
   * For W5's follower: starts a transaction that writes to the follower's events table, holding the lock that
   * serialises its writers until the transaction ends, and returns the highest notification id recorded there (0 if
   * none).
   */
  protected abstract long beginFollowing(Connection connection, Statement statement) throws SQLException;

  /**
   * For the physical limit: starts a transaction that takes no lock before it writes (the database's own row locks
   * and, on SQLite, its write lock at the first write).
   */
  protected abstract void begin(Connection connection, Statement statement) throws SQLException;

  /**
   * For the physical limit, in a transaction {@link #begin} started: inserts the rows, the database giving their
   * ids.
   *
   * @param insert prepared {@code INSERT} of {@code originator_id, originator_version, topic, state}
   */
  protected abstract void insertWithIdentity(Connection connection, PreparedStatement insert, List<Row> rows)
      throws SQLException;

  protected abstract void commit(Connection connection, Statement statement) throws SQLException;

  protected abstract void rollback(Connection connection, Statement statement) throws SQLException;

  protected abstract void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException;

  protected abstract UUID getUuid(ResultSet results, int index) throws SQLException;

  /** Whether an exception reports a unique or primary key violation. */
  protected abstract boolean isUniqueViolation(SQLException e);

  @Override
  public UUID createWorld(String name) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    World.Event created = new World.Created(name);
    new WorldState(id, now).apply(1, now, created);
    insertEvents(List.of(new Row(id, 1, EventCodec.topicOf(created), codec.encodeEvent(1, now, created))));
    return id;
  }

  @Override
  public void makeItSo(UUID worldId, String what) {
    WorldState world = load(worldId);
    int version = world.version + 1;
    Instant now = now();
    World.Event happened = new World.SomethingHappened(what);
    world.apply(version, now, happened);
    insertEvents(List.of(new Row(worldId, version, EventCodec.topicOf(happened),
        codec.encodeEvent(version, now, happened))));
  }

  @Override
  public UUID createAndChange(String name, List<String> changes) {
    UUID id = UUID.randomUUID();
    Instant createdOn = now();
    World.Event created = new World.Created(name);
    WorldState world = new WorldState(id, createdOn);
    world.apply(1, createdOn, created);
    insertEvents(List.of(new Row(id, 1, EventCodec.topicOf(created), codec.encodeEvent(1, createdOn, created))));
    for (String what : changes) {
      int version = world.version + 1;
      Instant now = now();
      World.Event happened = new World.SomethingHappened(what);
      world.apply(version, now, happened);
      insertEvents(List.of(new Row(id, version, EventCodec.topicOf(happened),
          codec.encodeEvent(version, now, happened))));
    }
    return id;
  }

  @Override
  public List<UUID> createWorlds(int worlds, int eventsEach) {
    List<UUID> ids = new ArrayList<>(worlds);
    List<Row> rows = new ArrayList<>(worlds * eventsEach);
    for (int i = 0; i < worlds; i++) {
      UUID id = UUID.randomUUID();
      WorldState world = null;
      for (int version = 1; version <= eventsEach; version++) {
        Instant now = now();
        World.Event payload = version == 1 ? new World.Created("world-" + i)
            : new World.SomethingHappened("thing-" + (version - 1));
        if (world == null) {
          world = new WorldState(id, now);
        }
        world.apply(version, now, payload);
        rows.add(new Row(id, version, EventCodec.topicOf(payload), codec.encodeEvent(version, now, payload)));
      }
      ids.add(id);
    }
    insertEvents(rows);
    return ids;
  }

  @Override
  public int rebuild(UUID worldId) {
    return load(worldId).version;
  }

  @Override
  public void takeSnapshot(UUID worldId) {
    WorldState world = load(worldId);
    Session session = session();
    try {
      PreparedStatement insert = session.insertSnapshot;
      setUuid(insert, 1, worldId);
      insert.setInt(2, world.version);
      insert.setString(3, EventCodec.WORLD_TOPIC);
      insert.setBytes(4, codec.encodeSnapshot(world));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failed("inserting a snapshot of " + worldId, e);
    }
  }

  @Override
  public long readLog(int sectionSize) {
    Session session = session();
    long expected = 1;
    try {
      PreparedStatement select = session.selectNotifications;
      int read;
      do {
        read = 0;
        select.setLong(1, expected);
        select.setInt(2, sectionSize);
        try (ResultSet results = select.executeQuery()) {
          while (results.next()) {
            long id = results.getLong(1);
            if (id != expected) {
              throw new IllegalStateException("read notification " + id + " where " + expected + " was expected");
            }
            codec.decodeEvent(getUuid(results, 2), results.getInt(3), results.getString(4), results.getBytes(5));
            expected++;
            read++;
          }
        }
      } while (read == sectionSize);
    } catch (SQLException e) {
      throw failed("reading notifications from " + expected, e);
    }
    return expected - 1;
  }

  @Override
  public long storedEvents() {
    try (Statement statement = session().connection.createStatement();
        ResultSet results = statement.executeQuery(
            "SELECT MAX(notification_id), COUNT(*) FROM " + discipline.events())) {
      results.next();
      long max = results.getLong(1);
      long count = results.getLong(2);
      if (max != count) {
        throw new IllegalStateException("notification ids have gaps: " + count + " events, highest id " + max);
      }
      return max;
    } catch (SQLException e) {
      throw failed("counting events", e);
    }
  }

  @Override
  public Follower follower(int batchSize) {
    try {
      return new JdbcFollower(this, codec, Math.max(1, batchSize));
    } catch (SQLException e) {
      throw failed("preparing the follower", e);
    }
  }

  @Override
  public void close() {
    SQLException failure = null;
    for (Session opened : sessions) {
      try {
        opened.connection.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    sessions.clear();
    if (failure != null) {
      throw failed("closing connections", failure);
    }
  }

  /** The world, from its latest snapshot if snapshots are kept, and its later events. */
  private WorldState load(UUID worldId) {
    Session session = session();
    WorldState world = null;
    try {
      PreparedStatement selectEvents = session.selectEvents;
      if (snapshotsKept) {
        PreparedStatement selectSnapshot = session.selectSnapshot;
        setUuid(selectSnapshot, 1, worldId);
        try (ResultSet results = selectSnapshot.executeQuery()) {
          if (results.next()) {
            world = codec.decodeSnapshot(worldId, results.getInt(1), results.getBytes(2));
          }
        }
      }
      setUuid(selectEvents, 1, worldId);
      selectEvents.setInt(2, world == null ? 0 : world.version);
      try (ResultSet results = selectEvents.executeQuery()) {
        while (results.next()) {
          world = codec.applyEvent(world, worldId, results.getInt(1), results.getString(2), results.getBytes(3));
        }
      }
    } catch (SQLException e) {
      throw failed("selecting the events of " + worldId, e);
    }
    if (world == null) {
      throw new IllegalStateException("world " + worldId + " not found");
    }
    return world;
  }

  private void insertEvents(List<Row> rows) {
    Session session = session();
    Connection connection = session.connection;
    try {
      if (discipline == Discipline.LIMIT && rows.size() == 1) {
        insertBatch(session.insertEvent, rows, 0);
        return;
      }
      try {
        if (discipline == Discipline.LIMIT) {
          begin(connection, session.control);
          insertWithIdentity(connection, session.insertEvent, rows);
        } else {
          lockAndInsert(connection, session.control, session.insertEvent, rows);
        }
        commit(connection, session.control);
      } catch (SQLException | RuntimeException e) {
        rollback(connection, session.control);
        throw e;
      }
    } catch (SQLException e) {
      Row first = rows.get(0);
      if (isUniqueViolation(e)) {
        throw new IllegalStateException("conflict: an event of the batch from " + first.originatorId() + " v"
            + first.originatorVersion() + " is recorded already", e);
      }
      throw failed("inserting " + rows.size() + " events from " + first.originatorId() + " v"
          + first.originatorVersion(), e);
    }
  }

  /**
   * Inserts rows in one batch (one row alone), with notification ids from {@code next} onward, or with the
   * database's ids in the physical limit's discipline.
   */
  protected final void insertBatch(PreparedStatement insert, List<Row> rows, long next) throws SQLException {
    for (Row row : rows) {
      setUuid(insert, 1, row.originatorId());
      insert.setInt(2, row.originatorVersion());
      insert.setString(3, row.topic());
      insert.setBytes(4, row.state());
      if (discipline == Discipline.LIBRARY) {
        insert.setLong(5, next++);
      }
      if (rows.size() > 1) {
        insert.addBatch();
      }
    }
    if (rows.size() > 1) {
      insert.executeBatch();
    } else {
      insert.executeUpdate();
    }
  }

  private Session session() {
    Session current = session.get();
    if (current == null) {
      try {
        current = new Session(connect(), discipline);
      } catch (SQLException e) {
        throw failed("connecting", e);
      }
      sessions.add(current);
      session.set(current);
    }
    return current;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("plain JDBC failed " + what + ": " + e.getMessage(), e);
  }

  /**
   * The insert of one event into {@code table}: with its notification id in the library's discipline, without in
   * the physical limit's, where the database gives it.
   */
  static String insertEvent(String table, Discipline discipline) {
    return discipline == Discipline.LIBRARY
        ? "INSERT INTO " + table + " (originator_id, originator_version, topic, state, notification_id)"
            + " VALUES (?, ?, ?, ?, ?)"
        : "INSERT INTO " + table + " (originator_id, originator_version, topic, state) VALUES (?, ?, ?, ?)";
  }

  /** An event to insert. */
  protected record Row(UUID originatorId, int originatorVersion, String topic, byte[] state) {}

  /** One thread's connection and its prepared statements. */
  private static final class Session {
    final Connection connection;
    final Statement control;
    final PreparedStatement insertEvent;
    final PreparedStatement selectEvents;
    final PreparedStatement selectSnapshot;
    final PreparedStatement insertSnapshot;
    final PreparedStatement selectNotifications;

    Session(Connection connection, Discipline discipline) throws SQLException {
      String events = discipline.events();
      this.connection = connection;
      this.control = connection.createStatement();
      this.insertEvent = connection.prepareStatement(insertEvent(events, discipline));
      this.selectEvents = connection.prepareStatement("SELECT originator_version, topic, state FROM " + events
          + " WHERE originator_id = ? AND originator_version > ? ORDER BY originator_version");
      this.selectSnapshot = connection.prepareStatement("SELECT originator_version, state FROM "
          + discipline.snapshots() + " WHERE originator_id = ? ORDER BY originator_version DESC LIMIT 1");
      this.insertSnapshot = connection.prepareStatement("INSERT INTO " + discipline.snapshots()
          + " (originator_id, originator_version, topic, state) VALUES (?, ?, ?, ?)");
      this.selectNotifications = connection.prepareStatement(
          "SELECT notification_id, originator_id, originator_version, topic, state FROM " + events
              + " WHERE notification_id >= ? ORDER BY notification_id LIMIT ?");
    }
  }
}
