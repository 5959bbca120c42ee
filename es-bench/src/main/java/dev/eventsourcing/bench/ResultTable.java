package dev.eventsourcing.bench;

import java.util.List;
import java.util.Locale;

/**
 * The results as a Markdown table: each figure as median (min–max), its ratios to the two plain-JDBC baselines (the
 * library's discipline and the physical limit) as the median (min–max) of the runs' ratios, its target (against the
 * physical limit), and whether every run met it.
 */
public final class ResultTable {
  private ResultTable() {}

  public static String markdown(List<Result> results) {
    StringBuilder table = new StringBuilder();
    table.append("| Workload | Store | Library, median (min–max) | Plain JDBC, median (min–max) | Physical limit,"
        + " median (min–max) | Library ÷ JDBC, median (min–max) | Library ÷ limit, median (min–max) | Target"
        + " | Standing |\n");
    table.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (Result result : results) {
      Workload workload = result.workload();
      table.append("| ").append(workload.id()).append(' ').append(workload.title())
          .append(" | ").append(result.store().id())
          .append(" | ").append(result.hasLibrary() ? figure(workload, result.libraryStatistics())
              : result.note() == null ? "–" : result.note())
          .append(" | ").append(result.hasBaseline() ? figure(workload, result.baselineStatistics()) : "–")
          .append(" | ").append(result.hasLimit() ? figure(workload, result.limitStatistics()) : "–")
          .append(" | ").append(result.hasLibrary() && result.hasBaseline() ? ratio(result) : "–")
          .append(" | ").append(result.hasLibrary() && result.hasLimit() ? limitRatio(result) : "–")
          .append(" | ").append(result.target() == null ? "–" : result.target().toString())
          .append(" | ").append(standing(result))
          .append(" |\n");
    }
    return table.toString();
  }

  /** Whether the target is met, and by how much it is missed if it is not. */
  static String standing(Result result) {
    Boolean met = result.targetMet();
    Target target = result.target();
    if (met == null || target == null) {
      return "–";
    }
    if (met) {
      Double worst = result.worstRun();
      return worst == null || target.isMetBy(worst) ? "met in every run"
          : "met in the median, not in every run (worst " + judged(result, worst) + ")";
    }
    double actual = target.kind() == Target.Kind.EVENTS_PER_SECOND_AT_LEAST
        ? result.libraryStatistics().median() : result.hasLimit() ? result.limitRatio() : result.ratio();
    double shortfall = target.kind() == Target.Kind.TIME_RATIO_AT_MOST
        ? actual / target.bound() - 1 : 1 - actual / target.bound();
    return String.format(Locale.ROOT, shortfall < 0.1 ? "**missed** by %.1f%%" : "**missed** by %.0f%%",
        shortfall * 100);
  }

  static String ratio(Result result) {
    return ratio(result, result.ratioStatistics());
  }

  static String limitRatio(Result result) {
    return ratio(result, result.limitRatioStatistics());
  }

  private static String ratio(Result result, Result.Statistics ratios) {
    String ratio = String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", ratios.median(), ratios.min(), ratios.max());
    return result.workload().unit() == Workload.Unit.MILLISECONDS ? ratio + "× time" : ratio;
  }

  private static String judged(Result result, double worst) {
    Target target = result.target();
    if (target != null && target.kind() == Target.Kind.EVENTS_PER_SECOND_AT_LEAST) {
      return value(result.workload(), worst) + " " + result.workload().unit().symbol();
    }
    String ratio = String.format(Locale.ROOT, "%.2f", worst);
    return result.workload().unit() == Workload.Unit.MILLISECONDS ? ratio + "× time" : ratio;
  }

  static String value(Workload workload, double value) {
    return workload.unit() == Workload.Unit.MILLISECONDS
        ? String.format(Locale.ROOT, "%.2f", value)
        : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String figure(Workload workload, Result.Statistics statistics) {
    return value(workload, statistics.median()) + " " + workload.unit().symbol() + " ("
        + value(workload, statistics.min()) + "–" + value(workload, statistics.max()) + ")";
  }
}
