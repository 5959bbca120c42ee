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
 * How each workload is run on empty stores: its untimed setup, its timed part, and a check of what was stored or
 * read. The library and the baseline ("sides") run exactly the same procedure through {@link Worlds}, interleaved
 * step by step where the workload is made of steps (a world's commands in W1, a transaction in W2, a get in W3),
 * alternating which side goes first, and each side's steps are timed apart: a change in the machine's speed during
 * a run (another process, the disk) then falls on both sides alike. W4 reads, W5's followers, and the concurrent
 * writers of W1x4 and W1x16 run one side after the other.
 */
final class Procedures {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final double NANOS_PER_MILLI = 1e6;

  private Procedures() {}

  /**
   * Runs one workload once on each side.
   *
   * @param sides empty stores, each used by one side
   * @param turn which side goes first where they take turns one after the other
   * @return a sample for each side, in the order of {@code sides}
   */
  static List<Sample> run(Workload workload, List<Worlds> sides, Sizes sizes, int turn, Runnable settle) {
    return switch (workload) {
      case W1 -> saveOne(sides, sizes, settle, Procedures::createAndChange);
      case W1A -> saveOne(sides, sizes, settle, Procedures::createAndChangeInMemory);
      case W1X4, W1X16 -> oneAfterTheOther(sides, turn,
          worlds -> saveOneConcurrently(worlds, sizes, workload.writers(sizes), settle));
      case W2, W2Z, W2K -> saveHundred(sides, sizes, settle);
      case W3, W3Z, W3K, W3S -> getThousand(sides, sizes, workload == Workload.W3S, settle);
      case W4 -> oneAfterTheOther(sides, turn, worlds -> readLog(worlds, sizes, settle));
      case W5, W5B10, W5B100 ->
          oneAfterTheOther(sides, turn, worlds -> follow(worlds, sizes, workload.processingBatchSize(), settle));
    };
  }

  /**
   * W1 and W1a: each world created and saved, then changed and saved {@code w1Commands} times; the sides take
   * turns, a world at a time.
   */
  private static List<Sample> saveOne(List<Worlds> sides, Sizes sizes, Runnable settle, WorldTask task) {
    long[] elapsed = new long[sides.size()];
    settle.run();
    for (int world = 0; world < sizes.w1Worlds(); world++) {
      for (int i = 0; i < sides.size(); i++) {
        int side = (world + i) % sides.size();
        long start = System.nanoTime();
        task.run(sides.get(side), sizes, world);
        elapsed[side] += System.nanoTime() - start;
      }
    }
    return throughputs(sides, elapsed, sizes.w1EventCount(), "W1");
  }

  /** W1x4 and W1x16: W1's worlds shared among concurrent writers, each writing the worlds of its share. */
  private static Sample saveOneConcurrently(Worlds worlds, Sizes sizes, int writers, Runnable settle) {
    settle.run();
    long elapsed = concurrently(writers, worlds, writer -> {
      for (int world = writer; world < sizes.w1Worlds(); world += writers) {
        createAndChange(worlds, sizes, world);
      }
    });
    check("W1x" + writers + " events stored", worlds.storedEvents(), sizes.w1EventCount());
    return new Sample(sizes.w1EventCount() * NANOS_PER_SECOND / elapsed, sizes.w1EventCount());
  }

  private static void createAndChange(Worlds worlds, Sizes sizes, int world) {
    UUID id = worlds.createWorld("world-" + world);
    for (int command = 1; command <= sizes.w1Commands(); command++) {
      worlds.makeItSo(id, "thing-" + command);
    }
  }

  /** W1a: a world created, kept in memory and changed, each change saved without a reload. */
  private static void createAndChangeInMemory(Worlds worlds, Sizes sizes, int world) {
    List<String> changes = new ArrayList<>(sizes.w1Commands());
    for (int command = 1; command <= sizes.w1Commands(); command++) {
      changes.add("thing-" + command);
    }
    worlds.createAndChange("world-" + world, changes);
  }

  /** W2: transactions of several new worlds of several events each; the sides take turns. */
  private static List<Sample> saveHundred(List<Worlds> sides, Sizes sizes, Runnable settle) {
    long[] elapsed = new long[sides.size()];
    settle.run();
    for (int transaction = 0; transaction < sizes.w2Transactions(); transaction++) {
      for (int i = 0; i < sides.size(); i++) {
        int side = (transaction + i) % sides.size();
        long start = System.nanoTime();
        sides.get(side).createWorlds(sizes.w2Worlds(), sizes.w2Events());
        elapsed[side] += System.nanoTime() - start;
      }
    }
    return throughputs(sides, elapsed, sizes.w2EventCount(), "W2");
  }

  /** W3: one world of many events, rebuilt again and again; a side's figure is the median time of its rebuilds. */
  private static List<Sample> getThousand(List<Worlds> sides, Sizes sizes, boolean fromSnapshot, Runnable settle) {
    UUID[] ids = new UUID[sides.size()];
    for (int side = 0; side < ids.length; side++) {
      ids[side] = sides.get(side).createWorlds(1, sizes.w3Events()).get(0);
      if (fromSnapshot) {
        sides.get(side).takeSnapshot(ids[side]);
      }
    }
    settle.run();
    double[][] millis = new double[sides.size()][sizes.w3Gets()];
    for (int get = 0; get < sizes.w3Gets(); get++) {
      for (int i = 0; i < sides.size(); i++) {
        int side = (get + i) % sides.size();
        long start = System.nanoTime();
        int version = sides.get(side).rebuild(ids[side]);
        millis[side][get] = (System.nanoTime() - start) / NANOS_PER_MILLI;
        check("W3 version of the rebuilt world", version, sizes.w3Events());
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (double[] times : millis) {
      samples.add(new Sample(median(times), (long) sizes.w3Events() * sizes.w3Gets()));
    }
    return samples;
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

  /**
   * W5: W2's events, processed by a follower that records one new event and a tracking record for each, {@code
   * batchSize} upstream events per transaction.
   */
  private static Sample follow(Worlds worlds, Sizes sizes, int batchSize, Runnable settle) {
    long events = sizes.w2EventCount();
    for (int transaction = 0; transaction < sizes.w2Transactions(); transaction++) {
      worlds.createWorlds(sizes.w2Worlds(), sizes.w2Events());
    }
    try (Worlds.Follower follower = worlds.follower(batchSize)) {
      settle.run();
      long start = System.nanoTime();
      long processed = follower.processAll();
      long elapsed = System.nanoTime() - start;
      check("W5 events processed", processed, events);
      check("W5 events recorded by the follower", follower.recordedEvents(), events);
      return new Sample(events * NANOS_PER_SECOND / elapsed, events);
    }
  }

  /** Runs a procedure on each side in turn, starting with side {@code turn}. */
  private static List<Sample> oneAfterTheOther(List<Worlds> sides, int turn, Procedure procedure) {
    Sample[] samples = new Sample[sides.size()];
    for (int i = 0; i < sides.size(); i++) {
      int side = (turn + i) % sides.size();
      samples[side] = procedure.run(sides.get(side));
    }
    return List.of(samples);
  }

  private static List<Sample> throughputs(List<Worlds> sides, long[] elapsed, long events, String workload) {
    List<Sample> samples = new ArrayList<>();
    for (int side = 0; side < elapsed.length; side++) {
      check(workload + " events stored", sides.get(side).storedEvents(), events);
      samples.add(new Sample(events * NANOS_PER_SECOND / elapsed[side], events));
    }
    return samples;
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

  /** A workload's procedure on one side. */
  @FunctionalInterface
  private interface Procedure {
    Sample run(Worlds worlds);
  }

  /** The work on one world of W1 or W1a. */
  @FunctionalInterface
  private interface WorldTask {
    void run(Worlds worlds, Sizes sizes, int world);
  }

  /** The work of one writer thread. */
  @FunctionalInterface
  private interface WriterTask {
    void run(int writer);
  }
}
