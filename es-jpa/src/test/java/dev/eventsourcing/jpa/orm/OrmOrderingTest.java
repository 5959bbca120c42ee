package dev.eventsourcing.jpa.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notification ids under concurrent writers of two jpa stores and a JDBC store on one database, as three processes
 * would write, so that only the database's lock orders them: followers tailing the log with either store never
 * skip an event, ids are gap-free from one, and each transaction's ids are contiguous.
 */
class OrmOrderingTest {
  private static final int WRITERS = 6;
  private static final int TRANSACTIONS_PER_WRITER = 60;
  private static final int MAX_BATCH = 12;

  @TempDir Path dir;
  private final List<InfrastructureFactory> factories = new ArrayList<>();
  private final Map<UUID, List<Long>> committed = new ConcurrentHashMap<>();

  @AfterEach
  void close() {
    factories.forEach(InfrastructureFactory::close);
  }

  @ParameterizedTest(name = "jpa and {0}")
  @ValueSource(strings = {"postgres", "sqlite"})
  void followersOfEitherStoreSeeEveryEventOnceInOrder(String jdbcStore) throws Exception {
    Map<String, String> settings = jdbcStore.equals("postgres")
        ? OrmDatabases.postgresSchema()
        : OrmDatabases.sqliteFile(dir.resolve("ordering.db"));
    List<ApplicationRecorder> writers = List.of(
        recorder(settings, "jpa"), recorder(settings, "jpa"), recorder(settings, jdbcStore));
    List<ApplicationRecorder> readers = List.of(recorder(settings, "jpa"), recorder(settings, jdbcStore));

    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + readers.size());
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<List<Long>>> followers = new ArrayList<>();
    for (ApplicationRecorder reader : readers) {
      followers.add(threads.submit(() -> follow(reader, writing)));
    }
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      ApplicationRecorder writer = writers.get(i % writers.size());
      writes.add(threads.submit(() -> write(writer)));
    }
    try {
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      writing.set(false);
    }
    List<List<Long>> seenByFollowers = new ArrayList<>();
    for (Future<List<Long>> follower : followers) {
      seenByFollowers.add(follower.get());
    }
    threads.shutdown();

    List<Long> all = new ArrayList<>();
    committed.values().forEach(all::addAll);
    all.sort(null);
    assertThat(all).hasSizeGreaterThan(WRITERS * TRANSACTIONS_PER_WRITER);
    for (List<Long> seen : seenByFollowers) {
      assertThat(seen).isEqualTo(all);
    }
    assertThat(readers.get(0).maxNotificationId()).isEqualTo((long) all.size());
    assertThat(all.get(all.size() - 1)).isEqualTo((long) all.size());
    committed.forEach((originator, ids) -> {
      for (int i = 1; i < ids.size(); i++) {
        assertThat(ids.get(i)).as("ids of the transaction of %s", originator).isEqualTo(ids.get(i - 1) + 1);
      }
    });
  }

  private ApplicationRecorder recorder(Map<String, String> settings, String store) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("PERSISTENCE_MODULE", store);
    InfrastructureFactory factory = InfrastructureFactory.construct(new Environment("Ordering", environment));
    factories.add(factory);
    return factory.applicationRecorder();
  }

  private Void write(ApplicationRecorder writer) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
      UUID originator = UUID.randomUUID();
      int size = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(MAX_BATCH);
      List<StoredEvent> events = new ArrayList<>(size);
      for (int version = 1; version <= size; version++) {
        events.add(new StoredEvent(originator, version, "topic", new byte[] {(byte) version}));
      }
      committed.put(originator, writer.insertEvents(events));
    }
    return null;
  }

  /** Tails the log from the last id seen, until the writers are done and the log is read to its end. */
  private static List<Long> follow(ApplicationRecorder reader, AtomicBoolean writing) {
    List<Long> seen = new ArrayList<>();
    long last = 0;
    while (true) {
      boolean finalPass = !writing.get();
      List<Notification> notifications = reader.selectNotifications(last + 1, 50);
      for (Notification notification : notifications) {
        assertThat(notification.id()).as("id after %d", last).isGreaterThan(last);
        seen.add(notification.id());
        last = notification.id();
      }
      if (finalPass && notifications.isEmpty()) {
        return seen;
      }
    }
  }
}
