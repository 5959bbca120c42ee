package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's session connection through a restart of the PostgreSQL server (same data, same port): the lease is
 * lost while the server is down and can be taken again once it is back, held by the new connection, and the
 * session listens again, so what another store commits signals its subscribers again. The test runs its own
 * server, as it stops it.
 */
class PostgresSessionRestartTest {
  private static final Duration PATIENCE = Duration.ofMinutes(1);

  @TempDir Path data;

  @Test
  void afterARestartTheSessionListensAgainAndTheLeaseIsTakenAgain() throws Exception {
    int port = freePort();
    EmbeddedPostgres postgres = server(port);
    Map<String, String> settings = new HashMap<>(TestPostgres.settingsOf(postgres));
    settings.put("POSTGRES_CONNECT_TIMEOUT", "1");
    try (PostgresInfrastructureFactory following = new PostgresInfrastructureFactory(new Environment("Follower",
            settings));
        PostgresInfrastructureFactory writing = new PostgresInfrastructureFactory(new Environment("Follower",
            settings))) {
      ProcessRecorder follower = following.processRecorder();
      ProcessRecorder writer = writing.processRecorder();
      AtomicInteger signals = new AtomicInteger();
      Subscription subscription = follower.subscribe(signals::incrementAndGet);
      Lease lease = follower.tryLease();
      assertThat(lease).isNotNull();
      saveAndAwaitSignal(writer, signals);

      postgres.close();
      await().atMost(PATIENCE).until(() -> !lease.isHeld());
      assertThat(follower.tryLease()).as("no lease while the server is down").isNull();

      postgres = server(port);
      Lease again = await().atMost(PATIENCE).until(follower::tryLease, taken -> taken != null);
      assertThat(again.isHeld()).isTrue();
      assertThat(advisoryLocksHeld(settings)).as("the lease's advisory lock, held again").isEqualTo(1);
      assertThat(writing.processRecorder().tryLease()).as("held by the follower's store").isNull();

      // Once reconnected the session signals once, as it may have missed notifications; each save afterwards
      // signals again, which only a session listening again can hear.
      for (int save = 0; save < 3; save++) {
        saveAndAwaitSignal(writer, signals);
      }
      subscription.close();
      again.close();
    } finally {
      postgres.close();
    }
  }

  private static void saveAndAwaitSignal(ProcessRecorder writer, AtomicInteger signals) {
    int before = signals.get();
    UUID id = UUID.randomUUID();
    await().atMost(PATIENCE).ignoreException(OperationalException.class)
        .until(() -> writer.insertEvents(List.of(new StoredEvent(id, 1, "topic", new byte[] {1}))) != null);
    await().atMost(PATIENCE).until(() -> signals.get() > before);
  }

  private static int advisoryLocksHeld(Map<String, String> settings) throws Exception {
    long key = PostgresSession.leaseKey("follower_tracking");
    try (Connection connection = TestPostgres.dataSource(settings).getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_locks"
            + " WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            + " AND classid::text::bigint = ? AND objid::text::bigint = ?")) {
      statement.setLong(1, key >>> 32);
      statement.setLong(2, key & 0xffffffffL);
      try (ResultSet results = statement.executeQuery()) {
        results.next();
        return results.getInt(1);
      }
    }
  }

  private EmbeddedPostgres server(int port) throws IOException {
    return TestPostgres.embedded().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
