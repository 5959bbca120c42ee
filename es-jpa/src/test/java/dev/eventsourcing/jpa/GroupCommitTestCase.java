package dev.eventsourcing.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a JDBC store: the saves of one process's threads to one application that wait while another
 * holds the writers' turn are committed together, and each keeps its own outcome. (The contract test's tailing
 * readers, {@code ApplicationRecorderTestCase}, run their concurrent writers through the same combined
 * transactions: nothing is skipped.) A store's test is a short subclass.
 */
public abstract class GroupCommitTestCase {
  private static final String APPLICATION = "Grouped";
  private static final int WRITERS = 9;
  private static final int RIVALS = 3;

  @TempDir protected Path dir;

  /** The store's settings, for a new empty database; the test adds its own. */
  protected abstract Map<String, String> settings();

  /** A data source on the database {@link #settings} name, handing out new connections. */
  protected abstract DataSource database(Map<String, String> settings);

  /** The store's factory on a data source given in code. */
  protected abstract InfrastructureFactory factory(Environment environment, DataSource dataSource);

  /**
   * Takes, on a connection of its own, the lock the store's writers of {@code eventsTable} take, and holds it until
   * closed.
   */
  protected abstract AutoCloseable holdWriteLock(DataSource database, String eventsTable) throws Exception;

  /** The settings that name the store, for a process that builds applications from its environment. */
  protected abstract Map<String, String> processEnvironment(Map<String, String> settings);

  @Test
  void savesThatWaitGoTogetherInOneCommitAndEachKeepsItsOutcome() throws Exception {
    Map<String, String> settings = new HashMap<>(settings());
    settings.put("POSTGRES_LOCK_TIMEOUT", "120");
    settings.put("SQLITE_LOCK_TIMEOUT", "120");
    DataSource database = database(settings);
    CommitCounter counter = new CommitCounter(database);
    try (InfrastructureFactory factory = factory(new Environment(APPLICATION, settings), counter)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      StoredEvent first = event(UUID.randomUUID(), 1);
      recorder.insertEvents(List.of(first));
      UUID shared = UUID.randomUUID();
      List<List<StoredEvent>> batches = new ArrayList<>();
      for (int writer = 0; writer < WRITERS; writer++) {
        UUID own = UUID.randomUUID();
        // The first writers each save an event of their own and version 1 of one shared aggregate: one of them
        // gets it, and the others conflict, each alone.
        batches.add(writer < RIVALS ? List.of(event(own, 1), event(shared, 1)) : List.of(event(own, 1), event(own, 2)));
      }
      Object[] outcomes = new Object[WRITERS];
      List<Thread> threads = new ArrayList<>();
      try (AutoCloseable lock = holdWriteLock(database, APPLICATION.toLowerCase() + "_events")) {
        for (int writer = 0; writer < WRITERS; writer++) {
          int index = writer;
          threads.add(new Thread(() -> {
            try {
              outcomes[index] = recorder.insertEvents(batches.get(index));
            } catch (RuntimeException e) {
              outcomes[index] = e;
            }
          }));
        }
        threads.forEach(Thread::start);
        awaitAllButOneWaiting(threads);
        assertThat(outcomes).as("no save returns before the lock is released").containsOnlyNulls();
        counter.take();
      }
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(thread.isAlive()).as("a writer hung").isFalse();
      }
      int commits = counter.take();

      List<Notification> log = recorder.selectNotifications(1, 100);
      Map<Long, Notification> byId = log.stream().collect(Collectors.toMap(Notification::id, n -> n));
      int rivalsSaved = 0;
      int eventsSaved = 1;
      for (int writer = 0; writer < WRITERS; writer++) {
        List<StoredEvent> batch = batches.get(writer);
        if (outcomes[writer] instanceof RecordConflictException conflict) {
          assertThat(writer).as("only the rivals conflict").isLessThan(RIVALS);
          assertThat(conflict).hasMessageContaining(APPLICATION);
          assertThat(log).as("nothing of a conflicting save is kept")
              .noneMatch(n -> n.originatorId().equals(batch.get(0).originatorId()));
          continue;
        }
        assertThat(outcomes[writer]).as("outcome of writer %d", writer).isInstanceOf(List.class);
        List<?> ids = (List<?>) outcomes[writer];
        assertThat(ids).hasSize(batch.size());
        for (int i = 0; i < ids.size(); i++) {
          long id = (Long) ids.get(i);
          assertThat(byId.get(id)).as("the notification of writer %d's event %d", writer, i)
              .isEqualTo(new Notification(id, batch.get(i).originatorId(), batch.get(i).originatorVersion(),
                  batch.get(i).topic(), batch.get(i).state()));
        }
        rivalsSaved += writer < RIVALS ? 1 : 0;
        eventsSaved += batch.size();
      }
      assertThat(rivalsSaved).as("saves of the shared aggregate's first version").isEqualTo(1);
      assertThat(log).extracting(Notification::id)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, eventsSaved).boxed().toList());
      // The first writer to get the turn waited for the lock with what had arrived by then; all the others waited
      // for the turn, and went together in the next transaction.
      assertThat(commits).as("commits of %d successful saves", WRITERS - RIVALS + 1).isBetween(1, 2);
    }
  }

  @Test
  void aProcessKilledWhileItsThreadsSaveTogetherLosesNoAcknowledgedSave() throws Exception {
    Map<String, String> settings = settings();
    Map<String, String> environment = processEnvironment(settings);
    Path errors = dir.resolve("writers.err");
    Path output = dir.resolve("writers.out");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AcknowledgedWriters.class.getName(), "8")
        .redirectError(errors.toFile())
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (acknowledged(output).size() < 400 && process.isAlive()) {
        assertThat(System.nanoTime()).as("the writers never acknowledged 400 saves").isLessThan(deadline);
        Thread.sleep(10);
      }
    } finally {
      // SIGKILL: no shutdown hook, no closing of the pool; whatever transaction is under way is cut off.
      process.destroyForcibly();
    }
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    List<String> acknowledged = acknowledged(output);
    assertThat(acknowledged).as(Files.readString(errors)).hasSizeGreaterThanOrEqualTo(400);

    try (Universe universe = new Universe(environment)) {
      for (String line : acknowledged) {
        String[] parts = line.split(" ");
        assertThat(parts[0]).isEqualTo("ACK");
        UUID world = UUID.fromString(parts[1]);
        int version = Integer.parseInt(parts[2]);
        assertThat(universe.recorder().selectEvents(world)).as("events of %s, acknowledged up to v%d", world, version)
            .extracting(StoredEvent::originatorVersion).contains(version);
      }
      Long max = universe.recorder().maxNotificationId();
      assertThat(universe.recorder().selectNotifications(1, Math.toIntExact(max) + 1)).extracting(Notification::id)
          .as("notification ids after the crash, without gaps")
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, max).boxed().toList());
    }
  }

  /** The complete lines a process has written to a file (its last may be cut off by the kill). */
  private static List<String> acknowledged(Path output) throws java.io.IOException {
    if (!Files.exists(output)) {
      return List.of();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    if (!text.endsWith("\n") && !lines.isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    lines.removeIf(String::isEmpty);
    return lines;
  }

  /**
   * Waits until every thread but one waits (for the writers' turn): the one that has it is blocked by the database's
   * lock, running. Checked several times in a row, so that a thread passing through a wait elsewhere is not taken for
   * one waiting for the turn.
   */
  private static void awaitAllButOneWaiting(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    int stable = 0;
    while (stable < 5) {
      assertThat(System.nanoTime()).as("writers never all waited").isLessThan(deadline);
      long waiting = threads.stream().filter(thread -> thread.getState() == Thread.State.WAITING
          || thread.getState() == Thread.State.TIMED_WAITING).count();
      stable = waiting == threads.size() - 1 ? stable + 1 : 0;
      Thread.sleep(20);
    }
  }

  private static StoredEvent event(UUID id, int version) {
    return new StoredEvent(id, version, "topic", new byte[] {(byte) version, 7});
  }
}
