package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.OperationalException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets the threads of this process that write to one application's tables take turns, first come first served,
 * before they wait for the database's lock: they would be serialised by the database anyway, and waiting here is
 * cheaper than in the database's lock manager, and holds no pooled connection.
 *
 * <p>Not in JTA transactions: there the database's lock outlasts a write, until the caller's transaction ends, and
 * a writer holding it could wait here for a turn that a writer waiting for that lock holds. There the writers wait
 * for the database's lock alone ({@link #none}).
 */
public final class WriterQueue {
  private final @Nullable ReentrantLock turn;
  private final String applicationName;
  private final String timeoutSetting;
  private final int timeoutSeconds;

  /**
   * @param timeoutSeconds how long a writer waits for its turn before an {@link OperationalException}, or a
   *     negative number to wait as long as it takes
   * @param timeoutSetting the setting the timeout comes from, named in the exception
   */
  public WriterQueue(String applicationName, int timeoutSeconds, String timeoutSetting) {
    this(new ReentrantLock(true), applicationName, timeoutSeconds, timeoutSetting);
  }

  private WriterQueue(
      @Nullable ReentrantLock turn, String applicationName, int timeoutSeconds, String timeoutSetting) {
    this.turn = turn;
    this.applicationName = applicationName;
    this.timeoutSeconds = timeoutSeconds;
    this.timeoutSetting = timeoutSetting;
  }

  /** A queue that lets every writer through at once. */
  public static WriterQueue none(String applicationName) {
    return new WriterQueue(null, applicationName, -1, "");
  }

  /** Runs {@code work} in this writer's turn. */
  public <T> T inTurn(String operation, Supplier<T> work) {
    if (turn == null) {
      return work.get();
    }
    try {
      if (timeoutSeconds < 0) {
        turn.lockInterruptibly();
      } else if (!turn.tryLock(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new OperationalException("application " + applicationName + ": " + operation + " waited "
            + timeoutSeconds + " s (" + timeoutSetting + ") for other writers, and gave up");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationalException(
          "application " + applicationName + ": " + operation + " was interrupted while waiting to write", e);
    }
    try {
      return work.get();
    } finally {
      turn.unlock();
    }
  }
}
