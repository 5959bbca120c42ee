package dev.eventsourcing.persistence;

import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on several threads at once, for the contract tests. The threads start together; the run fails with
 * the first error a thread raised (later ones suppressed), after interrupting the others.
 */
public final class Concurrently {
  /** A guard against a deadlocked store, not a timing check: tasks this slow have hung. */
  private static final long HUNG_AFTER_MINUTES = 5;

  /** A task given the index of its thread, from 0. */
  @FunctionalInterface
  public interface ThreadTask {
    void run(int thread) throws Exception;
  }

  private Concurrently() {}

  public static void run(int threads, ThreadTask task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CompletionService<Void> completion = new ExecutorCompletionService<>(pool);
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < threads; i++) {
      int thread = i;
      completion.submit(
          () -> {
            start.await();
            task.run(thread);
            return null;
          });
    }
    start.countDown();
    AssertionError failure = null;
    try {
      for (int i = 0; i < threads; i++) {
        Future<Void> done = completion.poll(HUNG_AFTER_MINUTES, TimeUnit.MINUTES);
        if (done == null) {
          throw new AssertionError("threads still running after " + HUNG_AFTER_MINUTES + " minutes: hung");
        }
        try {
          done.get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = new AssertionError("a thread failed: " + e.getCause(), e.getCause());
            pool.shutdownNow();
          } else {
            failure.addSuppressed(e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the threads", e);
    } finally {
      pool.shutdownNow();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
