package dev.eventsourcing.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How each workload is run on an empty store: its untimed setup, its timed part, and a check of what it stored or
 * read. The library and the baseline run exactly the same procedure through {@link Worlds}.
 */
final class Procedures {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final double NANOS_PER_MILLI = 1e6;

  private Procedures() {}

  /** Runs one workload once on {@code worlds}. */
  static Sample run(Workload workload, Worlds worlds, Sizes sizes, Runnable settle) {
    return switch (workload) {
      case W1 -> saveOne(worlds, sizes, 1, settle);
      case W1X4 -> saveOne(worlds, sizes, sizes.writers(), settle);
      case W2, W2Z -> saveHundred(worlds, sizes, settle);
      case W3, W3Z, W3S -> getThousand(worlds, sizes, workload == Workload.W3S, settle);
      case W4 -> readLog(worlds, sizes, settle);
      case W5 -> throw new IllegalArgumentException("W5 " + workload.unavailable());
    };
  }

  /** W1: each world created and saved, then changed and saved {@code w1Commands} times, by each writer in turn. */
  private static Sample saveOne(Worlds worlds, Sizes sizes, int writers, Runnable settle) {
    long events = sizes.w1EventCount();
    settle.run();
    long elapsed;
    if (writers == 1) {
      long start = System.nanoTime();
      saveOneShare(worlds, sizes, 0, 1);
      elapsed = System.nanoTime() - start;
    } else {
      elapsed = concurrently(writers, worlds, writer -> saveOneShare(worlds, sizes, writer, writers));
    }
    check("W1 events stored", worlds.storedEvents(), events);
    return new Sample(events * NANOS_PER_SECOND / elapsed, events);
  }

  private static void saveOneShare(Worlds worlds, Sizes sizes, int writer, int writers) {
    for (int i = writer; i < sizes.w1Worlds(); i += writers) {
      UUID id = worlds.createWorld("world-" + i);
      for (int command = 1; command <= sizes.w1Commands(); command++) {
        worlds.makeItSo(id, "thing-" + command);
      }
    }
  }

  /** W2: transactions of several new worlds of several events each. */
  private static Sample saveHundred(Worlds worlds, Sizes sizes, Runnable settle) {
    long events = sizes.w2EventCount();
    settle.run();
    long start = System.nanoTime();
    for (int transaction = 0; transaction < sizes.w2Transactions(); transaction++) {
      worlds.createWorlds(sizes.w2Worlds(), sizes.w2Events());
    }
    long elapsed = System.nanoTime() - start;
    check("W2 events stored", worlds.storedEvents(), events);
    return new Sample(events * NANOS_PER_SECOND / elapsed, events);
  }

  /** W3: one world of many events, rebuilt again and again; the figure is the median time of a rebuild. */
  private static Sample getThousand(Worlds worlds, Sizes sizes, boolean fromSnapshot, Runnable settle) {
    UUID id = worlds.createWorlds(1, sizes.w3Events()).get(0);
    if (fromSnapshot) {
      worlds.takeSnapshot(id);
    }
    settle.run();
    double[] millis = new double[sizes.w3Gets()];
    for (int get = 0; get < millis.length; get++) {
      long start = System.nanoTime();
      int version = worlds.rebuild(id);
      millis[get] = (System.nanoTime() - start) / NANOS_PER_MILLI;
      check("W3 version of the rebuilt world", version, sizes.w3Events());
    }
    return new Sample(median(millis), (long) sizes.w3Events() * sizes.w3Gets());
  }

  /** W4: W2's events, read through the notification log and decoded. */
  private static Sample readLog(Worlds worlds, Sizes sizes, Runnable settle) {
    long events = sizes.w2EventCount();
    for (int transaction = 0; transaction < sizes.w2Transactions(); transaction++) {
      worlds.createWorlds(sizes.w2Worlds(), sizes.w2Events());
    }
    settle.run();
    long start = System.nanoTime();
    long read = worlds.readLog(sizes.sectionSize());
    long elapsed = System.nanoTime() - start;
    check("W4 events read", read, events);
    return new Sample(events * NANOS_PER_SECOND / elapsed, events);
  }

  /** The median of some values (the mean of the middle two for an even count). */
  static double median(double... values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Runs a task in {@code threads} threads at once and returns the nanoseconds from their start until all are
   * done. Each thread first asks the store for its event count, so that connections are opened before timing.
   */
  private static long concurrently(int threads, Worlds worlds, WriterTask task) {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> writers = new ArrayList<>();
      for (int writer = 0; writer < threads; writer++) {
        int index = writer;
        writers.add(executor.submit(() -> {
          try {
            worlds.storedEvents();
          } finally {
            ready.countDown();
          }
          go.await();
          task.run(index);
          return null;
        }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
      return System.nanoTime() - start;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the writers ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a writer failed: " + e.getCause(), e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  private static void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", found " + actual);
    }
  }

  /** The work of one writer thread. */
  @FunctionalInterface
  private interface WriterTask {
    void run(int writer);
  }
}
