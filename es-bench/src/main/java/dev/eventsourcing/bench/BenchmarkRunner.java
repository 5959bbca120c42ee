package dev.eventsourcing.bench;

import dev.eventsourcing.cipher.AesCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs workloads on stores: for each pair, warm-up runs and then counted runs, each run measuring the two
 * baselines (the library's discipline and the physical limit) and the library side by side on new empty stores (see {@link Procedures}), and reporting its progress. Both
 * phases last at least a given number of runs and a given time.
 */
public final class BenchmarkRunner {
  /** The most counted runs of one workload on one store. */
  private static final int MAX_RUNS = 1_000;

  /** Runs shorter than this are not each reported once the measuring time is being filled. */
  private static final long SLOW_RUN_NANOS = 1_000_000_000L;

  private final List<Workload> workloads;
  private final List<Store> stores;
  private final int warmups;
  private final double warmupSeconds;
  private final int runs;
  private final double measureSeconds;
  private final Sizes sizes;
  private final Consumer<String> progress;
  private final String aesKey = AesCipher.createKey(32);

  /**
   * @param warmups the fewest warm-up runs of each workload on each store
   * @param warmupSeconds the shortest time they take: more warm-up runs follow until it has passed, so that the
   *     JIT compiler has compiled the code of fast workloads before they are counted
   * @param runs the fewest counted runs
   * @param measureSeconds the shortest time they take: more counted runs follow until it has passed (up to 1,000),
   *     so that the figures of fast workloads are medians of many runs
   * @param progress receives lines before and after measurements
   */
  public BenchmarkRunner(List<Workload> workloads, List<Store> stores, int warmups, double warmupSeconds, int runs,
      double measureSeconds, Sizes sizes, Consumer<String> progress) {
    if (warmups < 0 || warmupSeconds < 0 || runs < 1 || measureSeconds < 0) {
      throw new IllegalArgumentException("need at least one counted run and no negative warm-ups");
    }
    this.workloads = List.copyOf(workloads);
    this.stores = List.copyOf(stores);
    this.warmups = warmups;
    this.warmupSeconds = warmupSeconds;
    this.runs = runs;
    this.measureSeconds = measureSeconds;
    this.sizes = sizes;
    this.progress = progress;
  }

  public List<Result> run() {
    List<Result> results = new ArrayList<>();
    for (Workload workload : workloads) {
      for (Store store : stores) {
        if (workload.runsOn(store.kind())) {
          results.add(run(workload, store));
        }
      }
    }
    return results;
  }

  private Result run(Workload workload, Store store) {
    String libraryUnavailable = store.libraryUnavailable();
    Features features = workload.features(aesKey);
    List<Sample> library = new ArrayList<>();
    List<Sample> baseline = new ArrayList<>();
    List<Sample> limit = new ArrayList<>();
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long measureEnd = Long.MAX_VALUE;
    int warmup = 0;
    int run = 0;
    int quiet = 0;
    while (true) {
      long now = System.nanoTime();
      boolean warmingUp = warmup < warmups || now < warmupEnd;
      if (!warmingUp && measureEnd == Long.MAX_VALUE) {
        measureEnd = now + (long) (measureSeconds * 1e9);
      }
      if (!warmingUp && run >= runs && (now >= measureEnd || run >= MAX_RUNS)) {
        break;
      }
      String runLabel = warmingUp ? "warm-up " + (warmup + 1) : "run " + (run + 1);
      // Each run is shown, except the many short ones that fill the measuring time of a fast store.
      boolean shown = warmingUp ? warmup < Math.max(1, warmups) : run < runs;
      if (shown) {
        progress.accept(label(workload, store) + ", " + runLabel + " ...");
      }
      long started = System.nanoTime();
      List<@Nullable Sample> samples =
          measure(workload, store, features, libraryUnavailable == null, warmingUp ? warmup : run);
      Sample baselineSample = samples.get(0);
      Sample limitSample = samples.get(1);
      Sample librarySample = samples.get(2);
      if (shown || System.nanoTime() - started > SLOW_RUN_NANOS) {
        progress.accept(label(workload, store) + ", " + runLabel + ":"
            + (librarySample == null ? "" : " library " + format(workload, librarySample))
            + (baselineSample == null ? "" : " plain JDBC " + format(workload, baselineSample))
            + (limitSample == null ? "" : " physical limit " + format(workload, limitSample)));
      } else {
        quiet++;
      }
      if (!warmingUp) {
        if (librarySample != null) {
          library.add(librarySample);
        }
        if (baselineSample != null) {
          baseline.add(baselineSample);
        }
        if (limitSample != null) {
          limit.add(limitSample);
        }
      }
      if (warmingUp) {
        warmup++;
      } else {
        run++;
      }
    }
    if (quiet > 0) {
      progress.accept(label(workload, store) + ": " + warmup + " warm-up and " + run + " counted runs in all");
    }
    String note = libraryUnavailable == null ? null : "library not measured: " + libraryUnavailable;
    if (note != null) {
      progress.accept(label(workload, store) + ": " + note);
    }
    return new Result(workload, store.kind(), library, baseline, limit, note);
  }

  /**
   * One run on new empty stores: the baseline's sample, the physical limit's and the library's, each {@code null}
   * if that side has no store here.
   */
  private List<@Nullable Sample> measure(
      Workload workload, Store store, Features features, boolean withLibrary, int turn) {
    store.clear();
    List<Worlds> sides = new ArrayList<>();
    try {
      Worlds baseline = store.baseline(features);
      if (baseline != null) {
        sides.add(baseline);
      }
      Worlds limit = store.physicalLimit(features);
      if (limit != null) {
        sides.add(limit);
      }
      if (withLibrary) {
        sides.add(store.library(features));
      }
      List<Sample> samples = Procedures.run(workload, sides, sizes, turn, store::settle);
      List<@Nullable Sample> result = new ArrayList<>();
      result.add(baseline == null ? null : samples.get(0));
      result.add(limit == null ? null : samples.get(baseline == null ? 0 : 1));
      result.add(withLibrary ? samples.get(samples.size() - 1) : null);
      return result;
    } finally {
      for (Worlds worlds : sides) {
        worlds.close();
      }
    }
  }

  private static String label(Workload workload, Store store) {
    return workload.id() + " " + workload.title() + " on " + store.kind().id();
  }

  private static String format(Workload workload, Sample sample) {
    return workload.unit() == Workload.Unit.MILLISECONDS
        ? String.format(Locale.ROOT, "%.2f ms", sample.value())
        : String.format(Locale.ROOT, "%,.0f events/s", sample.value());
  }
}
