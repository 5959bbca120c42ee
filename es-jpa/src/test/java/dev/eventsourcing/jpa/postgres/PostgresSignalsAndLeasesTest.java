package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyConflictException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The PostgreSQL store's signals and leases, with several factories of one application on one database standing
 * for several processes: a save notifies the application's channel on commit only; a lease is held by one store
 * at a time, and passes to another when its holder's connection dies.
 */
class PostgresSignalsAndLeasesTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Map<String, String> settings = TestPostgres.newSchema();

  private PostgresInfrastructureFactory factory(Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.putAll(extra);
    return new PostgresInfrastructureFactory(new Environment("Follower", environment));
  }

  private static StoredEvent event(UUID id, int version) {
    return new StoredEvent(id, version, "topic", new byte[] {(byte) version});
  }

  @Test
  void aSaveNotifiesTheApplicationsChannelWhenItCommitsAndNotWhenItRollsBack() throws Exception {
    String channel = PostgresSession.channel("follower", settings.get("POSTGRES_SCHEMA"));
    try (PostgresInfrastructureFactory writing = factory(Map.of());
        Connection listening = TestPostgres.dataSource(settings).getConnection()) {
      ProcessRecorder recorder = writing.processRecorder();
      try (Statement statement = listening.createStatement()) {
        statement.execute("LISTEN \"" + channel + "\"");
      }
      UUID id = UUID.randomUUID();
      recorder.insertEvents(List.of(event(id, 1), event(id, 2)));
      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(UUID.randomUUID(), 1), event(id, 2))))
          .isInstanceOf(RecordConflictException.class);
      recorder.insertEvents(List.of(event(id, 3)), new Tracking("Upstream", 7));
      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 4)), new Tracking("Upstream", 7)))
          .isInstanceOf(RecordConflictException.class);
      recorder.insertEvents(List.of(event(id, 4), event(id, 5)));

      // Each committed save's notification, with the highest id after it; none of the saves that rolled back.
      assertThat(payloads(listening, 3)).containsExactly("2", "3", "5");
    }
  }

  @Test
  void aSaveWithTheFirstDataKeysOfSubjectsNotifiesWhenItCommitsAndNotWhenAKeyConflicts() throws Exception {
    String channel = PostgresSession.channel("follower", settings.get("POSTGRES_SCHEMA"));
    try (PostgresInfrastructureFactory writing = factory(Map.of("CIPHER_MODE", "per-subject",
            "CIPHER_KEY", AesCipher.createKey(32)));
        Connection listening = TestPostgres.dataSource(settings).getConnection()) {
      ProcessRecorder recorder = writing.processRecorder();
      try (Statement statement = listening.createStatement()) {
        statement.execute("LISTEN \"" + channel + "\"");
      }
      UUID subject = UUID.randomUUID();
      DataKey key = new DataKey(subject, "master", new byte[] {1, 2, 3});
      UUID id = UUID.randomUUID();
      recorder.insertEvents(List.of(event(id, 1), event(id, 2)), List.of(key), null);
      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 3)), List.of(key), null))
          .isInstanceOf(DataKeyConflictException.class);
      recorder.insertEvents(List.of(event(id, 3)), List.of(new DataKey(UUID.randomUUID(), "master", new byte[] {4})),
          new Tracking("Upstream", 1));

      assertThat(payloads(listening, 2)).containsExactly("2", "3");
    }
  }

  @Test
  void withNotifyOffASaveSendsNothing() throws Exception {
    String channel = PostgresSession.channel("follower", settings.get("POSTGRES_SCHEMA"));
    try (PostgresInfrastructureFactory quiet = factory(Map.of("POSTGRES_NOTIFY", "false"));
        PostgresInfrastructureFactory notifying = factory(Map.of());
        Connection listening = TestPostgres.dataSource(settings).getConnection()) {
      try (Statement statement = listening.createStatement()) {
        statement.execute("LISTEN \"" + channel + "\"");
      }
      UUID id = UUID.randomUUID();
      quiet.processRecorder().insertEvents(List.of(event(id, 1)));
      quiet.processRecorder().insertEvents(List.of(event(id, 2)), new Tracking("Upstream", 1));
      notifying.processRecorder().insertEvents(List.of(event(id, 3)));
      // Notifications arrive in commit order: the first is the notifying store's.
      assertThat(payloads(listening, 1)).containsExactly("3");
    }
  }

  @Test
  void aSubscriberHearsOfWhatAnotherStoreCommits() {
    try (PostgresInfrastructureFactory writing = factory(Map.of());
        PostgresInfrastructureFactory reading = factory(Map.of())) {
      AtomicInteger signals = new AtomicInteger();
      Subscription subscription = reading.processRecorder().subscribe(signals::incrementAndGet);
      ProcessRecorder writer = writing.processRecorder();
      UUID id = UUID.randomUUID();
      for (int version = 1; version <= 3; version++) {
        int before = signals.get();
        writer.insertEvents(List.of(event(id, version)));
        await().atMost(PATIENCE).until(() -> signals.get() > before);
      }
      subscription.close();
    }
  }

  @Test
  void aLeaseIsHeldByOneStoreAtATimeAndPassesOnWhenGivenBackOrWhenItsConnectionDies() throws Exception {
    try (PostgresInfrastructureFactory first = factory(Map.of());
        PostgresInfrastructureFactory second = factory(Map.of());
        PostgresInfrastructureFactory elsewhere = otherSchema()) {
      ProcessRecorder one = first.processRecorder();
      ProcessRecorder two = second.processRecorder();
      Lease held = one.tryLease();
      assertThat(held).isNotNull();
      assertThat(held.isHeld()).isTrue();
      assertThat(two.tryLease()).as("held by the first").isNull();
      assertThat(one.tryLease()).as("held by this store already").isNull();
      Lease otherApplication = elsewhere.processRecorder().tryLease();
      assertThat(otherApplication).as("the same name in another schema is another application").isNotNull();
      otherApplication.close();

      held.close();
      assertThat(held.isHeld()).isFalse();
      Lease taken = two.tryLease();
      assertThat(taken).as("given back by the first").isNotNull();
      assertThat(one.tryLease()).as("held by the second").isNull();

      terminateHolderOf(PostgresSession.leaseKey(settings.get("POSTGRES_SCHEMA") + ".follower_tracking"));
      await().atMost(PATIENCE).until(() -> !taken.isHeld());
      Lease takenOver = await().atMost(PATIENCE).until(one::tryLease, lease -> lease != null);
      assertThat(takenOver.isHeld()).isTrue();
    }
  }

  @Test
  void withLeasesOffEveryStoreTakesTheLease() {
    try (PostgresInfrastructureFactory first = factory(Map.of("POSTGRES_FOLLOWER_LEASE", "false"));
        PostgresInfrastructureFactory second = factory(Map.of("POSTGRES_FOLLOWER_LEASE", "false"))) {
      assertThat(first.processRecorder().tryLease()).isNotNull();
      assertThat(second.processRecorder().tryLease()).isNotNull();
    }
  }

  private PostgresInfrastructureFactory otherSchema() {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    return new PostgresInfrastructureFactory(new Environment("Follower", environment));
  }

  /** Waits for {@code count} notifications on a listening connection, then a little for any more; their payloads. */
  private static List<String> payloads(Connection listening, int count) throws SQLException {
    PGConnection connection = listening.unwrap(PGConnection.class);
    List<String> payloads = new ArrayList<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (payloads.size() < count && System.nanoTime() < deadline) {
      PGNotification[] received = connection.getNotifications(100);
      if (received != null) {
        for (PGNotification notification : received) {
          payloads.add(notification.getParameter());
        }
      }
    }
    return payloads;
  }

  /** Ends the server process that holds the advisory lock of {@code key}, as a node's death would. */
  private void terminateHolderOf(long key) throws SQLException {
    try (Connection connection = TestPostgres.dataSource(settings).getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
            + " WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            + " AND classid::text::bigint = ? AND objid::text::bigint = ?")) {
      statement.setLong(1, key >>> 32);
      statement.setLong(2, key & 0xffffffffL);
      try (ResultSet results = statement.executeQuery()) {
        assertThat(results.next()).as("a holder of the lease's advisory lock").isTrue();
        assertThat(results.getBoolean(1)).isTrue();
      }
    }
  }
}
