package dev.eventsourcing.system;

import java.time.Duration;

/**
 * Bounded exponential back-off: the delays before the retries of a failure that goes on, from the first delay,
 * doubling, up to the longest, until {@link #reset()}. Not safe for concurrent use.
 */
final class BackOff {
  private final long firstMillis;
  private final long maxMillis;
  private long nextMillis;

  BackOff(Duration first, Duration max) {
    this.firstMillis = first.toMillis();
    this.maxMillis = max.toMillis();
    this.nextMillis = firstMillis;
  }

  /** The delay before the next retry; each call doubles the following one, up to the longest. */
  Duration next() {
    long delay = nextMillis;
    nextMillis = delay >= maxMillis / 2 ? maxMillis : delay * 2;
    return Duration.ofMillis(delay);
  }

  /** After a success: the next delay is the first again. */
  void reset() {
    nextMillis = firstMillis;
  }
}
