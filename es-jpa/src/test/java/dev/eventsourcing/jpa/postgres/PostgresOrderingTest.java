package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notification ids on PostgreSQL under concurrent writers: followers tailing the log never skip an event, and the
 * events of each transaction get contiguous ids. The writers use two factories, each with its own pool, as two
 * processes would, so that only the database orders them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOrderingTest {
  private static final int WRITERS = 8;
  private static final int FOLLOWERS = 2;
  private static final int TRANSACTIONS_PER_WRITER = 150;
  private static final int MAX_BATCH = 12;

  private final List<PostgresInfrastructureFactory> factories = new ArrayList<>();
  private final List<ApplicationRecorder> writerRecorders = new ArrayList<>();
  private ApplicationRecorder recorder;
  /** Each committed transaction: its originator (one per transaction) and the ids insertEvents returned. */
  private final Map<UUID, List<Long>> committed = new ConcurrentHashMap<>();
  private final List<List<Long>> seenByFollowers = new ArrayList<>();

  @BeforeAll
  void writeConcurrentlyWhileFollowing() throws Exception {
    Map<String, String> settings = new HashMap<>(TestPostgres.newSchema());
    settings.put("POSTGRES_POOL_SIZE", String.valueOf(WRITERS + FOLLOWERS));
    for (int i = 0; i < 3; i++) {
      factories.add(new PostgresInfrastructureFactory(new Environment("Ordering", settings)));
    }
    writerRecorders.add(factories.get(0).applicationRecorder());
    writerRecorders.add(factories.get(1).applicationRecorder());
    recorder = factories.get(2).applicationRecorder();

    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + FOLLOWERS);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<List<Long>>> followers = new ArrayList<>();
    for (int i = 0; i < FOLLOWERS; i++) {
      followers.add(threads.submit(() -> follow(writing)));
    }
    List<Future<?>> writers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      ApplicationRecorder writer = writerRecorders.get(i % 2);
      writers.add(threads.submit(() -> write(writer)));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
    writing.set(false);
    for (Future<List<Long>> follower : followers) {
      seenByFollowers.add(follower.get());
    }
    threads.shutdown();
  }

  @AfterAll
  void close() {
    factories.forEach(PostgresInfrastructureFactory::close);
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
  private List<Long> follow(AtomicBoolean writing) {
    List<Long> seen = new ArrayList<>();
    long last = 0;
    while (true) {
      boolean finalPass = !writing.get();
      List<Notification> notifications = recorder.selectNotifications(last + 1, 50);
      for (Notification notification : notifications) {
        seen.add(notification.id());
        last = notification.id();
      }
      if (finalPass && notifications.isEmpty()) {
        return seen;
      }
    }
  }

  @Test
  void everyFollowerSeesEveryCommittedEventOnceInIncreasingOrder() {
    List<Long> all = new ArrayList<>();
    committed.values().forEach(all::addAll);
    all.sort(null);
    assertThat(all).hasSizeGreaterThan(WRITERS * TRANSACTIONS_PER_WRITER);
    for (List<Long> seen : seenByFollowers) {
      assertThat(seen).isSorted().doesNotHaveDuplicates();
      assertThat(seen).isEqualTo(all);
    }
  }

  @Test
  void idsAreGapFreeFromOne() {
    long total = committed.values().stream().mapToLong(List::size).sum();
    assertThat(recorder.maxNotificationId()).isEqualTo(total);
  }

  @Test
  void eachTransactionsIdsAreContiguousAndFollowVersionOrder() {
    Map<UUID, List<Long>> stored = new HashMap<>();
    long start = 1;
    List<Notification> page;
    do {
      page = recorder.selectNotifications(start, 1000);
      for (Notification notification : page) {
        List<Long> ids = stored.computeIfAbsent(notification.originatorId(), id -> new ArrayList<>());
        assertThat(notification.originatorVersion()).isEqualTo(ids.size() + 1);
        ids.add(notification.id());
        start = notification.id() + 1;
      }
    } while (!page.isEmpty());

    assertThat(stored).isEqualTo(committed);
    committed.forEach((originator, ids) -> {
      for (int i = 1; i < ids.size(); i++) {
        assertThat(ids.get(i)).as("ids of the transaction of %s", originator).isEqualTo(ids.get(i - 1) + 1);
      }
    });
  }
}
