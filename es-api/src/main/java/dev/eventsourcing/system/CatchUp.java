package dev.eventsourcing.system;

import dev.eventsourcing.persistence.OperationalException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The progress of one pull of a {@link FollowerLoop} through its upstream log: when the pull goes on for longer
 * than {@link #INTERVAL}, it is logged at INFO at most once every interval, and once more when the follower has
 * caught up. A pull that ends sooner logs nothing. Used on the loop's thread only.
 */
final class CatchUp {
  /** The shortest time between two progress messages of one follower. */
  static final Duration INTERVAL = Duration.ofSeconds(10);

  private static final long INTERVAL_NANOS = INTERVAL.toNanos();
  private static final System.Logger LOGGER = System.getLogger(ProcessApplication.class.getName());

  private final String follower;
  private final String upstream;
  private final LongSupplier nanoTime;
  private final LongSupplier end;
  private final long started;
  private final long from;
  private long reported;
  private boolean logged;
  private int processed;

  /**
   * @param follower the follower as messages name it
   * @param nanoTime the clock, {@link System#nanoTime()} but in tests
   * @param from the follower's position when the pull started
   * @param end reads the id of the upstream log's last notification, when the progress is due
   */
  CatchUp(String follower, String upstream, LongSupplier nanoTime, long from, LongSupplier end) {
    this.follower = follower;
    this.upstream = upstream;
    this.nanoTime = nanoTime;
    this.end = end;
    this.started = nanoTime.getAsLong();
    this.reported = started;
    this.from = from;
  }

  /**
   * After a batch: logs the progress if the last message (or the start) was an interval ago.
   *
   * @param position the follower's position after the batch
   */
  void processed(int count, long position) {
    processed += count;
    long now = nanoTime.getAsLong();
    if (now - reported < INTERVAL_NANOS) {
      return;
    }
    String remaining;
    try {
      long ids = Math.max(0, end.getAsLong() - position);
      double idsPerSecond = (position - from) / ((now - started) / 1e9);
      remaining = ids + " remaining, "
          + (idsPerSecond > 0 ? "about " + Math.round(ids / idsPerSecond) + " s left" : "time left unknown");
    } catch (OperationalException e) {
      remaining = "remaining unknown (" + e.getMessage() + ")";
    }
    reported = now;
    logged = true;
    double seconds = (now - started) / 1e9;
    LOGGER.log(System.Logger.Level.INFO, follower + ": catching up with " + upstream + ": processed " + processed
        + " notifications in " + Math.round(seconds) + " s (" + Math.round(processed / seconds) + "/s), at "
        + position + ", " + remaining);
  }

  /** When the pull reached the end of the upstream log: logs that, if the progress was logged. */
  void caughtUp(long position) {
    if (!logged) {
      return;
    }
    double seconds = (nanoTime.getAsLong() - started) / 1e9;
    LOGGER.log(System.Logger.Level.INFO, follower + ": caught up with " + upstream + " at notification " + position
        + ": processed " + processed + " notifications in " + Math.round(seconds) + " s ("
        + Math.round(processed / seconds) + "/s)");
  }
}
