package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.OperationalException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * The thread of a {@link MultiThreadedRunner} that has one follower process what its leaders record, while it holds
 * the follower's lease.
 */
final class Worker implements Runnable {
  private static final System.Logger LOGGER = System.getLogger(MultiThreadedRunner.class.getName());

  private final ProcessApplication follower;
  private final List<String> leaders = new ArrayList<>();
  private final long pollMillis;
  private final RunnerState state;
  private final Thread thread;
  private final Set<String> prompted = ConcurrentHashMap.newKeySet();
  private final Object signal = new Object();
  // Guarded by signal:
  private boolean signalled;
  private volatile boolean running = true;
  // Only on the worker's thread: whether it lost its lease and has not taken it again.
  private boolean lostLease;

  Worker(ProcessApplication follower, List<Application> leaders, Duration pollInterval, RunnerState state,
      ThreadFactory threads) {
    this.follower = follower;
    leaders.forEach(leader -> this.leaders.add(leader.name()));
    this.pollMillis = Math.max(1, pollInterval.toMillis());
    this.state = state;
    this.thread = threads.newThread(this);
    try {
      this.thread.setName("eventsourcing-" + follower.name());
    } catch (SecurityException e) {
      // a container's thread keeps the name it was given
    }
  }

  /** A daemon thread, the default of a runner that is given no thread factory. */
  static Thread newDaemonThread(Runnable work) {
    Thread thread = new Thread(work);
    thread.setDaemon(true);
    return thread;
  }

  void start() {
    thread.start();
  }

  /** Has the worker process what is new in the leader's log. Never blocks for long. */
  void prompt(String leader) {
    prompted.add(leader);
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  /** Asks the worker to stop after the batch it is processing. */
  void stop() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Waits for the worker's thread to end; returns whether this thread was interrupted meanwhile. */
  boolean await() {
    if (Thread.currentThread() == thread) {
      return false;
    }
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  @Override
  public void run() {
    @Nullable Lease lease = null;
    try {
      List<String> due = leaders;
      while (running) {
        if (lease == null || !lease.isHeld()) {
          lease = takeLease(lease);
          if (lease == null) {
            pause();
            continue;
          }
          due = leaders;
        }
        Lease held = lease;
        for (String leader : due) {
          follower.pullAndProcess(leader, () -> running && held.isHeld());
        }
        due = awaitPrompt();
      }
    } catch (RuntimeException | Error e) {
      state.fail(follower, e);
    } finally {
      if (lease != null) {
        lease.close();
        follower.lease(false);
      }
    }
  }

  /** Tries to take the follower's lease, after one that was lost; returns it, or {@code null} if it is not taken. */
  private @Nullable Lease takeLease(@Nullable Lease lost) {
    if (lost != null) {
      lostLease = true;
      lost.close();
      LOGGER.log(System.Logger.Level.WARNING, () -> "application " + follower.name()
          + " lost its lease, and stops processing here until it takes it again");
      if (FlightRecorder.AVAILABLE) {
        LeaseEvent.lost(follower.name());
      }
      follower.lease(false);
    }
    Lease lease;
    try {
      lease = follower.recorder().tryLease();
    } catch (OperationalException e) {
      // the store can't be reached yet: tried again at the next poll interval
      LOGGER.log(System.Logger.Level.DEBUG, () -> "application " + follower.name() + " can't take its lease yet: " + e);
      return null;
    }
    if (lease != null) {
      boolean again = lostLease;
      lostLease = false;
      LOGGER.log(again ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
          () -> "application " + follower.name() + " took its lease" + (again ? " again" : ""));
      if (FlightRecorder.AVAILABLE) {
        LeaseEvent.taken(follower.name(), again);
      }
      follower.lease(true);
    }
    return lease;
  }

  /** Waits for the poll interval, or until the worker is stopped; prompts don't end the wait. */
  private void pause() {
    long deadline = System.nanoTime() + pollMillis * 1_000_000;
    synchronized (signal) {
      long left;
      while (running && (left = deadline - System.nanoTime()) > 0) {
        try {
          signal.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      signalled = false;
    }
    prompted.clear();
  }

  /** Waits for a prompt or the poll interval; returns the leaders to pull from: those prompted, or all of them. */
  private List<String> awaitPrompt() {
    boolean wasPrompted;
    synchronized (signal) {
      if (!signalled && running) {
        try {
          signal.wait(pollMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      wasPrompted = signalled;
      signalled = false;
    }
    if (!wasPrompted) {
      return leaders;
    }
    List<String> due = new ArrayList<>();
    for (String leader : leaders) {
      if (prompted.remove(leader)) {
        due.add(leader);
      }
    }
    return due;
  }
}
