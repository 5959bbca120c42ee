package dev.eventsourcing.bench;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The counted runs of one workload on one store: the library's samples and the two baselines', run by run.
 *
 * @param baseline plain JDBC keeping the library's promises (its discipline of writers)
 * @param limit plain JDBC at the physical limit: the least the work needs; the targets are judged against it
 * @param note why something was not measured, or {@code null}
 */
public record Result(Workload workload, StoreKind store, List<Sample> library, List<Sample> baseline,
    List<Sample> limit, @Nullable String note) {
  public Result {
    library = List.copyOf(library);
    baseline = List.copyOf(baseline);
    limit = List.copyOf(limit);
  }

  public boolean hasLibrary() {
    return !library.isEmpty();
  }

  public boolean hasBaseline() {
    return !baseline.isEmpty();
  }

  public boolean hasLimit() {
    return !limit.isEmpty();
  }

  public Statistics limitStatistics() {
    return Statistics.of(limit);
  }

  public Statistics libraryStatistics() {
    return Statistics.of(library);
  }

  public Statistics baselineStatistics() {
    return Statistics.of(baseline);
  }

  /**
   * The library's figure divided by the baseline's, the median over the runs (each run's pair was measured one
   * after the other): a throughput ratio for events per second, a time ratio for milliseconds.
   */
  public double ratio() {
    return Procedures.median(runRatios(baseline));
  }

  /** The median, lowest and highest of the runs' ratios of the library's figure to the baseline's. */
  public Statistics ratioStatistics() {
    return Statistics.of(runRatios(baseline));
  }

  /** The library's figure divided by the physical limit's, the median over the runs, as {@link #ratio}. */
  public double limitRatio() {
    return Procedures.median(runRatios(limit));
  }

  /** The median, lowest and highest of the runs' ratios of the library's figure to the physical limit's. */
  public Statistics limitRatioStatistics() {
    return Statistics.of(runRatios(limit));
  }

  /** Whether the library was measured beside a baseline that its target is judged against. */
  public boolean isCompared() {
    return hasLibrary() && (hasLimit() || hasBaseline());
  }

  /** The ratio the target judges: to the physical limit if it was measured, else to the baseline. */
  private double judgedRatio() {
    return hasLimit() ? limitRatio() : ratio();
  }

  private double[] runRatios(List<Sample> against) {
    if (!hasLibrary() || library.size() != against.size()) {
      throw new IllegalStateException(workload.id() + " on " + store.id() + " has no pairs of runs to compare");
    }
    double[] ratios = new double[library.size()];
    for (int run = 0; run < ratios.length; run++) {
      ratios[run] = library.get(run).value() / against.get(run).value();
    }
    return ratios;
  }

  /**
   * The library's speed relative to the physical limit's (to the baseline's if the limit was not measured): 1
   * means as fast, 0.5 half as fast.
   */
  public double speedRatio() {
    double ratio = judgedRatio();
    return workload.unit() == Workload.Unit.MILLISECONDS ? 1 / ratio : ratio;
  }

  public @Nullable Target target() {
    return workload.target(store);
  }

  /** Whether the target is met, or {@code null} if there is no target or nothing to judge. */
  public @Nullable Boolean targetMet() {
    Target target = target();
    if (target == null || !hasLibrary()) {
      return null;
    }
    if (target.kind() == Target.Kind.EVENTS_PER_SECOND_AT_LEAST) {
      return target.isMetBy(libraryStatistics().median());
    }
    return isCompared() ? target.isMetBy(judgedRatio()) : null;
  }

  /**
   * The worst of the runs' figures that the target judges (a ratio, or the library's own figure for an absolute
   * target), or {@code null} if there is no target or nothing to judge.
   */
  public @Nullable Double worstRun() {
    Target target = target();
    if (target == null || !hasLibrary()) {
      return null;
    }
    Statistics judged;
    if (target.kind() == Target.Kind.EVENTS_PER_SECOND_AT_LEAST) {
      judged = libraryStatistics();
    } else if (hasLimit()) {
      judged = limitRatioStatistics();
    } else if (hasBaseline()) {
      judged = ratioStatistics();
    } else {
      return null;
    }
    return target.kind() == Target.Kind.TIME_RATIO_AT_MOST ? judged.max() : judged.min();
  }

  /**
   * The median, minimum and maximum of the counted runs.
   */
  public record Statistics(double median, double min, double max) {
    static Statistics of(List<Sample> samples) {
      return of(samples.stream().mapToDouble(Sample::value).toArray());
    }

    static Statistics of(double[] values) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double value : values) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      return new Statistics(values.length == 0 ? Double.NaN : Procedures.median(values), min, max);
    }
  }
}
