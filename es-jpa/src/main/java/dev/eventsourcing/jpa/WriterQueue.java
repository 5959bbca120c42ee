package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.OperationalException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets the threads of this process that write to one application's tables take turns, first come first served,
 * before they wait for the database's lock: they would be serialised by the database anyway, and waiting here is
 * cheaper than in the database's lock manager, and holds no pooled connection.
 */
public final class WriterQueue {
  private final ReentrantLock turn = new ReentrantLock(true);
  private final String applicationName;
  private final String timeoutSetting;
  private final int timeoutSeconds;

  /**
   * @param timeoutSeconds how long a writer waits for its turn before an {@link OperationalException}, or a
   *     negative number to wait as long as it takes
   * @param timeoutSetting the setting the timeout comes from, named in the exception
   */
  public WriterQueue(String applicationName, int timeoutSeconds, String timeoutSetting) {
    this.applicationName = applicationName;
    this.timeoutSeconds = timeoutSeconds;
    this.timeoutSetting = timeoutSetting;
  }

  /** Runs {@code work} in this writer's turn. */
  public <T> T inTurn(String operation, Supplier<T> work) {
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
