package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.OperationalException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Combines the writes of events that the threads of this process make to one application's tables (group commit):
 * a write that arrives while another holds the writers' turn waits, and the writes that waited go together in the
 * next turn, in one transaction, under one lock, with one commit. Each write keeps its own outcome: it returns
 * only after the transaction that holds it has committed, and a write that fails (a version conflict, a tracking
 * record already recorded) fails alone, the others of its transaction committing without it. The store runs a
 * group ({@link JpaStore#writeGroup}); a group of one is an ordinary transaction.
 *
 * <p>Not in JTA transactions: there a write is the caller's, committed when the caller's transaction ends.
 */
public final class GroupCommit {
  /**
   * The most writes in one transaction: each is a savepoint, and PostgreSQL keeps the subtransactions of a
   * transaction in a cache of 64 per connection, beyond which every reader's snapshot gets slower.
   */
  static final int MOST_WRITES = 50;

  private final WriterQueue writers;
  private final Consumer<List<Write<?>>> group;
  private final ArrayDeque<Write<?>> waiting = new ArrayDeque<>();

  GroupCommit(WriterQueue writers, Consumer<List<Write<?>>> group) {
    this.writers = writers;
    this.group = group;
  }

  /**
   * Runs {@code work} in a transaction of the writes that are waiting with it, and returns what it returned once
   * that transaction has committed.
   *
   * @throws dev.eventsourcing.persistence.PersistenceException what the work failed with, or the transaction
   */
  public <T> T submit(String operation, ConnectionWork<T> work) {
    Write<T> write = new Write<>(operation, work);
    synchronized (waiting) {
      waiting.add(write);
    }
    boolean interrupted = false;
    try {
      while (!write.isDone()) {
        try {
          writers.inTurn(operation, () -> {
            if (!write.isDone()) {
              runGroup(take());
            }
            return null;
          });
        } catch (OperationalException notGivenTheTurn) {
          if (withdraw(write)) {
            throw notGivenTheTurn;
          }
          // Another writer's transaction holds this write: its outcome comes with that transaction's end.
          interrupted |= Thread.interrupted();
          interrupted |= write.awaitUninterruptibly();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return write.outcome();
  }

  private List<Write<?>> take() {
    synchronized (waiting) {
      List<Write<?>> taken = new ArrayList<>(Math.min(waiting.size(), MOST_WRITES));
      while (!waiting.isEmpty() && taken.size() < MOST_WRITES) {
        taken.add(waiting.poll());
      }
      return taken;
    }
  }

  private boolean withdraw(Write<?> write) {
    synchronized (waiting) {
      return waiting.remove(write);
    }
  }

  private void runGroup(List<Write<?>> writes) {
    try {
      group.accept(writes);
    } catch (RuntimeException | Error e) {
      for (Write<?> write : writes) {
        write.failIfPending(e instanceof RuntimeException runtime ? runtime
            : new IllegalStateException("a write of events failed: " + e, e));
      }
      throw e;
    }
    for (Write<?> write : writes) {
      write.failIfPending(new IllegalStateException("a write of events was left without an outcome"));
    }
  }

  /** A write waiting for its transaction, and then its outcome. */
  static final class Write<T> {
    final String operation;
    final ConnectionWork<T> work;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile @Nullable T result;
    private volatile @Nullable RuntimeException failure;
    private volatile boolean ran;

    Write(String operation, ConnectionWork<T> work) {
      this.operation = operation;
      this.work = work;
    }

    /** Runs the work on the transaction's connection, keeping its result for {@link #succeed}. */
    void run(Connection connection) throws SQLException {
      result = work.execute(connection);
      ran = true;
    }

    /** After the commit: the write succeeded with what its work returned. */
    void succeed() {
      if (!ran) {
        throw new IllegalStateException("a write succeeded before it ran");
      }
      done.countDown();
    }

    void fail(RuntimeException e) {
      failure = e;
      done.countDown();
    }

    void failIfPending(RuntimeException e) {
      if (!isDone()) {
        fail(e);
      }
    }

    /** Forgets what the work returned in a transaction that was rolled back, so that it can run again. */
    void reset() {
      result = null;
      ran = false;
    }

    boolean isDone() {
      return done.getCount() == 0;
    }

    /** Waits for the outcome; returns whether the thread was interrupted meanwhile. */
    boolean awaitUninterruptibly() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          return interrupted;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }

    /** What the work returned, or its failure thrown. */
    T outcome() {
      RuntimeException failed = failure;
      if (failed != null) {
        throw failed;
      }
      return result;
    }
  }
}
