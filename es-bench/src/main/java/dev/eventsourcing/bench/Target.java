package dev.eventsourcing.bench;

import java.util.Locale;

/**
 * What a figure must reach.
 *
 * @param kind what is compared with the bound
 * @param bound the bound
 */
public record Target(Kind kind, double bound) {
  /** What a target bounds. */
  public enum Kind {
    /** The library's events per second divided by the baseline's, at least the bound. */
    THROUGHPUT_RATIO_AT_LEAST,
    /** The library's time divided by the baseline's, at most the bound. */
    TIME_RATIO_AT_MOST,
    /** The library's events per second, at least the bound. */
    EVENTS_PER_SECOND_AT_LEAST
  }

  /** Whether a result meets the target: its ratio to the baseline, or its own value for an absolute target. */
  public boolean isMetBy(double ratioOrValue) {
    return kind == Kind.TIME_RATIO_AT_MOST ? ratioOrValue <= bound : ratioOrValue >= bound;
  }

  /** The bound in the chart's terms: the library's speed relative to the baseline's (1 = as fast). */
  public double speedRatio() {
    return kind == Kind.TIME_RATIO_AT_MOST ? 1 / bound : bound;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case THROUGHPUT_RATIO_AT_LEAST -> "≥ " + String.format(Locale.ROOT, "%.1f", bound);
      case TIME_RATIO_AT_MOST -> "≤ " + String.format(Locale.ROOT, "%.1f", bound) + "× time";
      case EVENTS_PER_SECOND_AT_LEAST -> "≥ " + String.format(Locale.ROOT, "%,.0f", bound) + " ev/s";
    };
  }
}
