package dev.eventsourcing.system;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import java.time.Duration;

/**
 * How a follower (a {@link ProcessApplication} or a {@link Projection}) processes its upstream logs: how many
 * notifications go in one transaction, and how it waits between retries of a transient failure (an {@link
 * dev.eventsourcing.persistence.OperationalException}: a connection lost, the server down, a lock timeout). A
 * transient failure is retried, for as long as the follower runs, after a delay that starts at {@link
 * #retryDelay()} and doubles after each failure in a row up to {@link #maxRetryDelay()}; the first success
 * brings it back to the start. Immutable.
 *
 * @param batchSize at most how many upstream notifications are processed in one transaction, 1 to {@value
 *     ProcessApplication#PAGE_SIZE}: what the upstream log holds, up to that many (a follower never waits to fill a
 *     batch)
 * @param retryDelay the delay before the first retry of a transient failure, positive
 * @param maxRetryDelay the longest delay between retries, at least {@code retryDelay}
 */
public record ProcessingSettings(int batchSize, Duration retryDelay, Duration maxRetryDelay) {
  /** The key of {@link #batchSize()}; default {@value #DEFAULT_BATCH_SIZE}. */
  public static final String PROCESSING_BATCH_SIZE = "PROCESSING_BATCH_SIZE";

  /** The key of {@link #retryDelay()}, in milliseconds; default 100. */
  public static final String PROCESSING_RETRY_DELAY_MILLIS = "PROCESSING_RETRY_DELAY_MILLIS";

  /** The key of {@link #maxRetryDelay()}, in milliseconds; default 10000. */
  public static final String PROCESSING_MAX_RETRY_DELAY_MILLIS = "PROCESSING_MAX_RETRY_DELAY_MILLIS";

  /**
   * The default of {@link #batchSize()}: batches of what the upstream log holds, up to 100 notifications per
   * transaction.
   */
  public static final int DEFAULT_BATCH_SIZE = 100;

  /** Up to {@value #DEFAULT_BATCH_SIZE} notifications per transaction; retries after 100 ms, doubling up to 10 s. */
  public static final ProcessingSettings DEFAULTS =
      new ProcessingSettings(DEFAULT_BATCH_SIZE, Duration.ofMillis(100), Duration.ofSeconds(10));

  private static final int MAX_DELAY_MILLIS = 3_600_000;

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public ProcessingSettings {
    if (batchSize < 1 || batchSize > ProcessApplication.PAGE_SIZE) {
      throw new IllegalArgumentException(
          "batch size must be 1 to " + ProcessApplication.PAGE_SIZE + ", got " + batchSize);
    }
    if (retryDelay.isNegative() || retryDelay.isZero()) {
      throw new IllegalArgumentException("the retry delay must be positive, got " + retryDelay);
    }
    if (maxRetryDelay.compareTo(retryDelay) < 0) {
      throw new IllegalArgumentException(
          "the longest retry delay (" + maxRetryDelay + ") is shorter than the first (" + retryDelay + ")");
    }
  }

  /**
   * The settings of a follower from its environment: {@value #PROCESSING_BATCH_SIZE}, {@value
   * #PROCESSING_RETRY_DELAY_MILLIS} and {@value #PROCESSING_MAX_RETRY_DELAY_MILLIS}, each optionally prefixed with
   * the follower's name, and the {@linkplain #DEFAULTS defaults} for those not set.
   *
   * @throws ConfigurationException naming the application and the setting that is not valid, as given (with its
   *     prefix if it has one)
   */
  public static ProcessingSettings parse(Environment environment) {
    int batchSize = environment.getInt(PROCESSING_BATCH_SIZE, DEFAULTS.batchSize(), 1, ProcessApplication.PAGE_SIZE);
    int delay = environment.getInt(
        PROCESSING_RETRY_DELAY_MILLIS, (int) DEFAULTS.retryDelay().toMillis(), 1, MAX_DELAY_MILLIS);
    int maxDelay = environment.getInt(PROCESSING_MAX_RETRY_DELAY_MILLIS,
        (int) Math.max(delay, DEFAULTS.maxRetryDelay().toMillis()), 1, MAX_DELAY_MILLIS);
    if (maxDelay < delay) {
      throw environment.invalid(PROCESSING_MAX_RETRY_DELAY_MILLIS, "=" + maxDelay + " is less than "
          + environment.given(PROCESSING_RETRY_DELAY_MILLIS) + "=" + delay + ": the longest delay must be at least"
          + " the first");
    }
    return new ProcessingSettings(batchSize, Duration.ofMillis(delay), Duration.ofMillis(maxDelay));
  }

  /** These settings with another batch size. */
  public ProcessingSettings withBatchSize(int size) {
    return new ProcessingSettings(size, retryDelay, maxRetryDelay);
  }
}
