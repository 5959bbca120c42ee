package dev.eventsourcing.bench;

import dev.eventsourcing.cipher.AesCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs workloads on stores: for each pair, warm-up runs and then counted runs, each run measuring the baseline
 * and the library one after the other (alternating which goes first) on empty stores, and reporting its progress.
 */
public final class BenchmarkRunner {
  private final List<Workload> workloads;
  private final List<Store> stores;
  private final int warmups;
  private final int runs;
  private final Sizes sizes;
  private final Consumer<String> progress;
  private final String aesKey = AesCipher.createKey(32);

  /**
   * @param progress receives a line before and after each measurement
   */
  public BenchmarkRunner(
      List<Workload> workloads, List<Store> stores, int warmups, int runs, Sizes sizes, Consumer<String> progress) {
    if (warmups < 0 || runs < 1) {
      throw new IllegalArgumentException("need at least one counted run and no negative warm-ups");
    }
    this.workloads = List.copyOf(workloads);
    this.stores = List.copyOf(stores);
    this.warmups = warmups;
    this.runs = runs;
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
    String unavailable = workload.unavailable();
    if (unavailable != null) {
      progress.accept(label(workload, store) + ": " + unavailable);
      return new Result(workload, store.kind(), List.of(), List.of(), unavailable);
    }
    String libraryUnavailable = store.libraryUnavailable();
    Features features = workload.features(aesKey);
    List<Sample> library = new ArrayList<>();
    List<Sample> baseline = new ArrayList<>();
    for (int run = -warmups; run < runs; run++) {
      String runLabel = run < 0 ? "warm-up " + (run + warmups + 1) + "/" + warmups : "run " + (run + 1) + "/" + runs;
      boolean libraryFirst = Math.floorMod(run, 2) == 1;
      for (int turn = 0; turn < 2; turn++) {
        boolean isLibrary = (turn == 0) == libraryFirst;
        if (isLibrary && libraryUnavailable != null) {
          continue;
        }
        String who = isLibrary ? "library" : "plain JDBC";
        Worlds worlds = isLibrary ? store.library(features) : store.baseline(features);
        if (worlds == null) {
          continue;
        }
        Sample sample;
        try (worlds) {
          progress.accept(label(workload, store) + ", " + runLabel + ", " + who + " ...");
          sample = Procedures.run(workload, worlds, sizes, store::settle);
        }
        progress.accept(label(workload, store) + ", " + runLabel + ", " + who + ": " + format(workload, sample));
        if (run >= 0) {
          (isLibrary ? library : baseline).add(sample);
        }
      }
    }
    String note = libraryUnavailable == null ? null : "library not measured: " + libraryUnavailable;
    if (note != null) {
      progress.accept(label(workload, store) + ": " + note);
    }
    return new Result(workload, store.kind(), library, baseline, note);
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
