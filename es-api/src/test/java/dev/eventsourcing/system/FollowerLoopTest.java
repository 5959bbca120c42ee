package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The loop on a log of its own making, whose steps fail as told; its waits are recorded, not slept, so nothing
 * here depends on time.
 */
class FollowerLoopTest {
  private static final ProcessingSettings SETTINGS =
      new ProcessingSettings(3, Duration.ofMillis(100), Duration.ofMillis(400));

  /** An upstream log of ten notifications, and a follower's position and recorded batches. */
  private static final class Log implements FollowerLoop.Steps {
    final List<Notification> notifications = new ArrayList<>();
    final List<Long> recorded = new ArrayList<>();
    long position;
    int positionFailures;
    int selectFailures;
    int processFailures;
    RuntimeException policyFailure;
    long conflictOnceAt;
    // The test's clock, moved on by each notification processed.
    long nanoTime;
    long nanosPerNotification;

    Log(int size) {
      for (int id = 1; id <= size; id++) {
        notifications.add(new Notification(id, UUID.randomUUID(), 1, "topic", new byte[0]));
      }
    }

    @Override
    public long position() {
      if (positionFailures > 0) {
        positionFailures--;
        throw new OperationalException("the server is down");
      }
      return position;
    }

    @Override
    public long end() {
      return notifications.size();
    }

    @Override
    public List<Notification> select(long start) {
      if (selectFailures > 0) {
        selectFailures--;
        throw new OperationalException("connection lost");
      }
      return notifications.stream().filter(n -> n.id() >= start).limit(4).toList();
    }

    @Override
    public void process(List<Notification> batch, long previous) {
      if (processFailures > 0) {
        processFailures--;
        throw new OperationalException("lock timeout");
      }
      if (policyFailure != null) {
        throw policyFailure;
      }
      long last = batch.get(batch.size() - 1).id();
      if (conflictOnceAt != 0 && last >= conflictOnceAt) {
        conflictOnceAt = 0;
        position = last; // another process recorded this batch first
        throw new RecordConflictException("tracked already");
      }
      assertThat(previous).isEqualTo(position);
      batch.forEach(n -> recorded.add(n.id()));
      position = last;
      nanoTime += nanosPerNotification * batch.size();
    }
  }

  private final List<Long> waits = new ArrayList<>();

  private FollowerLoop loop(Log log) {
    return new FollowerLoop("application", "Follower", "Leader", SETTINGS, log, waits::add, () -> log.nanoTime);
  }

  private long waited() {
    return waits.stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void everyNotificationIsProcessedOnceInBatches() {
    Log log = new Log(10);
    assertThat(loop(log).pull(() -> true)).isEqualTo(10);
    assertThat(log.recorded).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(waits).isEmpty();
  }

  @Test
  void transientFailuresOfEachStepAreRetriedWithDelaysThatDoubleUpToTheLongest() {
    Log log = new Log(10);
    log.positionFailures = 1;
    log.selectFailures = 2;
    log.processFailures = 4;
    FollowerLoop loop = loop(log);

    assertThat(loop.pull(() -> true)).isEqualTo(10);
    assertThat(log.recorded).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    // position: 100 (then success resets); select: 100, 200; process: 100, 200, 400, 400.
    assertThat(waited()).isEqualTo(100 + 100 + 200 + 100 + 200 + 400 + 400);
    assertThat(waits).allSatisfy(slice -> assertThat(slice).isBetween(1L, 50L));
  }

  @Test
  void theDelayStartsAgainAfterASuccess() {
    Log log = new Log(4);
    FollowerLoop loop = loop(log);
    log.processFailures = 3;
    loop.pull(() -> true);
    assertThat(waited()).isEqualTo(100 + 200 + 400);

    waits.clear();
    log.notifications.add(new Notification(5, UUID.randomUUID(), 1, "topic", new byte[0]));
    log.selectFailures = 1;
    assertThat(loop.pull(() -> true)).isEqualTo(1);
    assertThat(waited()).isEqualTo(100);
  }

  @Test
  void retryingStopsWhenTheFollowerStops() {
    Log log = new Log(4);
    log.processFailures = Integer.MAX_VALUE;
    int[] checks = {0};
    assertThat(loop(log).pull(() -> ++checks[0] < 20)).isZero();
    assertThat(log.recorded).isEmpty();
  }

  @Test
  void aPolicysOwnFailureStopsTheLoopAndIsNotRetried() {
    Log log = new Log(4);
    log.policyFailure = new ProcessingException("application Follower: the policy failed", new IllegalStateException());
    assertThatThrownBy(() -> loop(log).pull(() -> true)).isSameAs(log.policyFailure);
    assertThat(waits).isEmpty();
  }

  @Test
  void anyOtherFailureStopsTheLoopNamingTheFollowerAndTheUpstream() {
    Log log = new Log(4);
    log.policyFailure = new IllegalArgumentException("a bug");
    assertThatThrownBy(() -> loop(log).pull(() -> true))
        .isInstanceOf(ProcessingException.class)
        .hasMessageContaining("application Follower")
        .hasMessageContaining("notification 3 of Leader")
        .hasCause(log.policyFailure);
  }

  @Test
  void aLongCatchUpLogsItsProgressAtMostEveryTenSecondsAndOnceWhenCaughtUp() {
    Log log = new Log(250);
    log.nanosPerNotification = 100_000_000; // 10 a second
    List<String> messages = infoMessagesOf(() -> loop(log).pull(() -> true));
    assertThat(messages).containsExactly(
        "application Follower: catching up with Leader: processed 100 notifications in 10 s (10/s), at 100,"
            + " 150 remaining, about 15 s left",
        "application Follower: catching up with Leader: processed 200 notifications in 20 s (10/s), at 200,"
            + " 50 remaining, about 5 s left",
        "application Follower: caught up with Leader at notification 250: processed 250 notifications in 25 s"
            + " (10/s)");
  }

  @Test
  void aCatchUpShorterThanTenSecondsLogsNothing() {
    Log log = new Log(99);
    log.nanosPerNotification = 100_000_000;
    assertThat(infoMessagesOf(() -> loop(log).pull(() -> true))).isEmpty();
  }

  @Test
  void theLagIsTheUpstreamsLastIdMinusThePosition() {
    Log log = new Log(10);
    log.position = 4;
    assertThat(loop(log).lag()).isEqualTo(6);
  }

  /** The messages at INFO or above that the followers' logger logs while {@code work} runs. */
  private static List<String> infoMessagesOf(Runnable work) {
    Logger logger = Logger.getLogger(ProcessApplication.class.getName());
    List<String> messages = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
          messages.add(record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      work.run();
    } finally {
      logger.removeHandler(handler);
    }
    return messages;
  }

  @Test
  void aConflictWithAnotherProcessGoesOnFromWhereItGot() {
    Log log = new Log(10);
    log.conflictOnceAt = 4;
    // Pages of 4 in batches of 3: 1-3, then 4 is recorded by another process first.
    assertThat(loop(log).pull(() -> true)).isEqualTo(9);
    assertThat(log.recorded).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(log.position).isEqualTo(10);
  }
}
