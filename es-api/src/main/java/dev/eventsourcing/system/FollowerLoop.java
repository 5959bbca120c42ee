package dev.eventsourcing.system;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The processing loop of one follower of one upstream log, shared by {@link ProcessApplication} and {@link
 * Projection}: from the follower's position, select a page of notifications, process and record it in batches,
 * and select the next page, until the log's end.
 *
 * <ul>
 *   <li>A batch that conflicts ({@link RecordConflictException}) when another process moved the position
 *       meanwhile goes on from the new position; otherwise a batch of several notifications is processed again one
 *       at a time, and one notification that conflicts {@value #CONFLICT_RETRIES} times in a row fails.
 *   <li>An {@link OperationalException} of any step is retried, after the delays of {@link ProcessingSettings},
 *       for as long as {@code carryOn} holds; it is logged at WARNING once when the failures start, and at INFO
 *       once when a step succeeds again.
 *   <li>A pull that takes longer than {@link CatchUp#INTERVAL}, as when a follower starts far behind, logs its
 *       progress at INFO at most once every interval, and once when it has caught up.
 *   <li>Each recorded batch and each retry is a JFR event ({@code dev.eventsourcing.Batch}, {@code
 *       dev.eventsourcing.Retry}), when a recording enables it.
 *   <li>Any other exception stops the loop as a {@link ProcessingException} naming the follower, the upstream
 *       application and the notification (the steps may throw their own, with a closer description).
 * </ul>
 *
 * <p>Used under the follower's lock: one thread at a time.
 */
final class FollowerLoop {
  /** How many times in a row one notification's results may conflict with another writer before processing fails. */
  static final int CONFLICT_RETRIES = 10;

  /** The longest a retry's wait goes without checking whether to carry on. */
  private static final long WAIT_SLICE_MILLIS = 50;

  private static final System.Logger LOGGER = System.getLogger(ProcessApplication.class.getName());

  /** What the follower does with its upstream log. Each step may throw {@link OperationalException}. */
  interface Steps {
    /** The id of the last upstream notification the follower has processed, 0 if none. */
    long position();

    /** The id of the upstream log's last notification, 0 if none. */
    long end();

    /** Up to {@value ProcessApplication#PAGE_SIZE} notifications of the upstream log, from {@code start} on. */
    List<Notification> select(long start);

    /** Whether {@link #select} reads only some topics of the upstream log. */
    default boolean filtersTopics() {
      return false;
    }

    /**
     * Processes the notifications and records the results with the new position, the last notification's id, in
     * one transaction.
     *
     * @param previous the position the batch follows
     * @throws RecordConflictException if another writer recorded first
     */
    void process(List<Notification> batch, long previous);
  }

  /** How the loop waits before a retry; a test's does not. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final String follower;
  private final String name;
  private final String upstream;
  private final int batchSize;
  private final Steps steps;
  private final BackOff backOff;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final Supplier<FollowerObserver> observer;
  /**
   * For a follower that reads only some topics: the upstream log's last notification id that a pull, which read
   * it when it started, went past with no notification of those topics after its position. 0 otherwise.
   */
  private volatile long examined;
  // While a step fails transiently: when the failures started, and how many in a row.
  private long failingSince;
  private int failures;

  /**
   * @param kind what the follower is, as messages name it: {@code application} or {@code projection}
   * @param name the follower's name
   * @param upstream the upstream application's name
   */
  FollowerLoop(String kind, String name, String upstream, ProcessingSettings settings, Steps steps) {
    this(kind, name, upstream, settings, steps, () -> NO_OBSERVER);
  }

  /** As the other constructor, the observer of its processing got from {@code observer} each time. */
  FollowerLoop(String kind, String name, String upstream, ProcessingSettings settings, Steps steps,
      Supplier<FollowerObserver> observer) {
    this(kind, name, upstream, settings, steps, Thread::sleep, System::nanoTime, observer);
  }

  /** As the other constructor, with a test's waits and clock. */
  FollowerLoop(String kind, String name, String upstream, ProcessingSettings settings, Steps steps, Sleeper sleeper,
      LongSupplier nanoTime) {
    this(kind, name, upstream, settings, steps, sleeper, nanoTime, () -> NO_OBSERVER);
  }

  private FollowerLoop(String kind, String name, String upstream, ProcessingSettings settings, Steps steps,
      Sleeper sleeper, LongSupplier nanoTime, Supplier<FollowerObserver> observer) {
    this.follower = kind + " " + name;
    this.name = name;
    this.upstream = upstream;
    this.batchSize = settings.batchSize();
    this.steps = steps;
    this.backOff = new BackOff(settings.retryDelay(), settings.maxRetryDelay());
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.observer = observer;
  }

  /** The observer of a follower that has none. */
  static final FollowerObserver NO_OBSERVER = new FollowerObserver() {};

  /**
   * How far the follower is behind: the id of the upstream log's last notification minus the follower's position,
   * or, for a follower that reads only some topics, minus the last id this process found it had nothing to read
   * up to, if that is greater. Reads both ids from the stores, so it may be a little out of date by the time it
   * returns.
   *
   * @throws OperationalException if a store can't be read
   */
  long lag() {
    long position = Math.max(steps.position(), examined);
    return Math.max(0, steps.end() - position);
  }

  /**
   * Processes what is new in the upstream log, up to its end, or until {@code carryOn} is false (checked between
   * batches and while waiting to retry).
   *
   * @return how many notifications were processed
   * @throws ProcessingException if one could not be processed; those before it are processed and recorded
   */
  int pull(BooleanSupplier carryOn) {
    try {
      return pulling(carryOn);
    } catch (RuntimeException | Error e) {
      observer.get().failed(name, upstream, e);
      throw e;
    }
  }

  private int pulling(BooleanSupplier carryOn) {
    // Read first, so that every notification up to it is committed before the pages are selected: the stores give
    // notification ids in commit order.
    long end = 0;
    if (steps.filtersTopics()) {
      Long read = attempt(() -> "reading the last notification id of " + upstream, steps::end, carryOn);
      if (read == null) {
        return 0;
      }
      end = read;
    }
    int processed = 0;
    int conflicts = 0;
    long oneByOneUntil = 0;
    Long read = attempt(() -> "reading how far it has processed the notifications of " + upstream, steps::position,
        carryOn);
    if (read == null) {
      return 0;
    }
    long position = read;
    CatchUp progress = new CatchUp(follower, upstream, nanoTime, position, steps::end);
    while (carryOn.getAsBoolean()) {
      long start = position + 1;
      List<Notification> page =
          attempt(() -> "reading the notifications of " + upstream + " from " + start, () -> steps.select(start),
              carryOn);
      if (page == null) {
        return processed;
      }
      observer.get().read(name, upstream, page.size());
      if (page.isEmpty()) {
        progress.caughtUp(position);
        if (end > examined) {
          examined = end;
        }
        return processed;
      }
      int index = 0;
      while (index < page.size() && carryOn.getAsBoolean()) {
        int size = page.get(index).id() <= oneByOneUntil ? 1 : Math.min(batchSize, page.size() - index);
        List<Notification> batch = page.subList(index, index + size);
        Notification last = batch.get(size - 1);
        long previous = position;
        Boolean recorded;
        BatchEvent event = FlightRecorder.AVAILABLE ? BatchEvent.start() : null;
        long began = System.nanoTime();
        try {
          recorded = attempt(() -> "recording the processing of notification " + last.id() + " of " + upstream,
              () -> {
                steps.process(batch, previous);
                return Boolean.TRUE;
              }, carryOn);
        } catch (RecordConflictException conflict) {
          Long now = attempt(() -> "reading how far it has processed the notifications of " + upstream,
              steps::position, carryOn);
          if (now == null) {
            return processed;
          }
          if (now != position) {
            long moved = now;
            LOGGER.log(System.Logger.Level.DEBUG, () -> follower + ": notifications of " + upstream + " up to "
                + moved + " were processed by another process; going on from there");
            position = moved;
          } else if (size > 1) {
            oneByOneUntil = last.id();
          } else if (++conflicts > CONFLICT_RETRIES) {
            throw failure("recording the processing of", last, conflict);
          }
          break;
        }
        if (recorded == null) {
          return processed;
        }
        if (event != null) {
          event.end(name, upstream, batch);
        }
        observer.get().processed(name, upstream, size, System.nanoTime() - began);
        conflicts = 0;
        position = last.id();
        processed += size;
        index += size;
        progress.processed(size, position);
      }
    }
    return processed;
  }

  /** The failure of a step to process a notification, as the steps and the loop describe it. */
  ProcessingException failure(String what, Notification notification, Throwable cause) {
    return new ProcessingException(follower + ": " + what + " notification " + notification.id() + " of " + upstream
        + " (" + notification.topic() + ") failed: " + cause, cause);
  }

  /**
   * Runs a step, retrying it while it fails transiently and {@code carryOn} holds; returns its result, or {@code
   * null} if it stopped retrying as {@code carryOn} became false. A conflict and the steps' own processing
   * exceptions pass through; other exceptions become processing exceptions.
   */
  private <T> @Nullable T attempt(Supplier<String> what, Supplier<T> step, BooleanSupplier carryOn) {
    while (true) {
      try {
        T result = step.get();
        recovered(what);
        return result;
      } catch (OperationalException e) {
        if (!waitToRetry(what, e, carryOn)) {
          return null;
        }
      } catch (RecordConflictException e) {
        recovered(what);
        throw e;
      } catch (ProcessingException e) {
        endFailures();
        throw e;
      } catch (RuntimeException e) {
        endFailures();
        throw new ProcessingException(follower + ": " + what.get() + " failed: " + e, e);
      }
    }
  }

  /** Waits before a retry; returns whether to retry, false if {@code carryOn} became false meanwhile. */
  private boolean waitToRetry(Supplier<String> what, OperationalException failure, BooleanSupplier carryOn) {
    Duration delay = backOff.next();
    RetryEvent event = FlightRecorder.AVAILABLE ? RetryEvent.start() : null;
    if (failures++ == 0) {
      failingSince = System.nanoTime();
      LOGGER.log(System.Logger.Level.WARNING, () -> follower + ": " + what.get() + " failed for a transient reason ("
          + failure.getMessage() + "); retrying until it works, at most every " + delay + " at first");
    } else {
      LOGGER.log(System.Logger.Level.DEBUG, () -> follower + ": " + what.get() + " failed again (" + failure.getMessage()
          + "); retrying in " + delay);
    }
    long left = delay.toMillis();
    try {
      while (left > 0) {
        if (!carryOn.getAsBoolean()) {
          return false;
        }
        long slice = Math.min(left, WAIT_SLICE_MILLIS);
        sleeper.sleep(slice);
        left -= slice;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessingException(follower + ": interrupted while waiting to retry " + what.get()
          + ", which failed: " + failure, failure);
    }
    if (event != null) {
      event.end(name, upstream, failures, delay.toMillis(), what.get(), failure);
    }
    observer.get().retried(name, upstream, failure);
    return carryOn.getAsBoolean();
  }

  /** After a step worked (the database answered): the end of a run of transient failures, if there was one. */
  private void recovered(Supplier<String> what) {
    if (failures == 0) {
      return;
    }
    int retries = failures;
    long millis = (System.nanoTime() - failingSince) / 1_000_000;
    endFailures();
    LOGGER.log(System.Logger.Level.INFO, () -> follower + ": processing the notifications of " + upstream
        + " works again (" + what.get() + "), after " + retries
        + (retries == 1 ? " retry" : " retries") + " in " + millis + " ms");
  }

  private void endFailures() {
    failures = 0;
    backOff.reset();
  }
}
