package dev.eventsourcing.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as an SVG bar chart: for each workload and database, the library's speed relative to plain JDBC at
 * the physical limit (1 = as fast, higher is better; for W3 the inverse of the time ratio) with its target marked;
 * and the in-memory figures relative to their absolute targets.
 */
public final class Chart {
  private static final int WIDTH = 820;
  private static final int LABEL_WIDTH = 190;
  private static final int PLOT_LEFT = LABEL_WIDTH + 10;
  private static final int PLOT_WIDTH = WIDTH - PLOT_LEFT - 110;
  private static final int BAR = 16;
  private static final int GAP = 4;
  private static final int GROUP_GAP = 12;
  private static final Map<StoreKind, String> COLOURS =
      Map.of(StoreKind.SQLITE, "#4c78a8", StoreKind.POSTGRES, "#f58518", StoreKind.MEMORY, "#54a24b",
          StoreKind.JPA_SQLITE, "#9ecae9", StoreKind.JPA_POSTGRES, "#ffbf79");
  private static final String TARGET_COLOUR = "#d62728";

  private Chart() {}

  /** The chart of {@code results}; {@code subtitle} says when and where they were measured. */
  public static String svg(List<Result> results, String subtitle) {
    Map<Workload, List<Result>> compared = new LinkedHashMap<>();
    List<Result> inMemory = new ArrayList<>();
    for (Result result : results) {
      if (result.isCompared()) {
        compared.computeIfAbsent(result.workload(), w -> new ArrayList<>()).add(result);
      } else if (result.hasLibrary() && result.targetMet() != null) {
        inMemory.add(result);
      }
    }
    double scale = 1.25;
    for (List<Result> group : compared.values()) {
      for (Result result : group) {
        scale = Math.max(scale, roundUp(result.speedRatio()));
      }
    }

    StringBuilder body = new StringBuilder();
    int y = 20;
    body.append(text(10, y, "Library speed relative to plain JDBC at the physical limit (1 = as fast, higher is better)", 15, "bold"));
    y += 18;
    body.append(text(10, y, subtitle, 11, "normal"));
    y += 16;
    body.append(text(10, y, "W3, W3z, W3k, W3S: the limit's time divided by the library's. Ratios are medians of the runs' ratios.",
        11, "normal"));
    y += 14;
    body.append(legend(y));
    y += 36;
    int top = y;
    StringBuilder bars = new StringBuilder();
    for (Map.Entry<Workload, List<Result>> group : compared.entrySet()) {
      Workload workload = group.getKey();
      bars.append(text(10, y + BAR - 3, workload.id() + " " + workload.title(), 12, "normal"));
      for (Result result : group.getValue()) {
        String label = String.format(Locale.ROOT, "%.2f", result.speedRatio());
        bars.append(bar(y, result.speedRatio(), scale, COLOURS.get(result.store()), label));
        Target target = result.target();
        if (target != null) {
          bars.append(targetMark(y, target.speedRatio(), scale));
        }
        y += BAR + GAP;
      }
      y += GROUP_GAP;
    }
    body.append(axis(top, y - GROUP_GAP, scale, "physical limit")).append(bars);
    if (!inMemory.isEmpty()) {
      y += 24;
      StringBuilder targets = new StringBuilder();
      for (Result result : inMemory) {
        targets.append(targets.length() == 0 ? "" : ", ").append(result.workload().id())
            .append(String.format(Locale.ROOT, " %,.0f", result.target().bound()));
      }
      body.append(text(10, y, "In memory: events per second relative to the target (1 = target: " + targets
          + " events/s)", 13, "bold"));
      y += 30;
      int memoryTop = y;
      double memoryScale = 1.25;
      for (Result result : inMemory) {
        memoryScale = Math.max(memoryScale, roundUp(result.libraryStatistics().median() / result.target().bound()));
      }
      StringBuilder memoryBars = new StringBuilder();
      for (Result result : inMemory) {
        Workload workload = result.workload();
        double median = result.libraryStatistics().median();
        memoryBars.append(text(10, y + BAR - 3, workload.id() + " " + workload.title(), 12, "normal"));
        memoryBars.append(bar(y, median / result.target().bound(), memoryScale, COLOURS.get(StoreKind.MEMORY),
            String.format(Locale.ROOT, "%,.0f events/s", median)));
        y += BAR + GAP + GROUP_GAP;
      }
      body.append(axis(memoryTop, y - GROUP_GAP, memoryScale, "target")).append(memoryBars);
    }
    y += 14;
    int height = y + 10;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height
        + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" font-family=\"sans-serif\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
  }

  private static String legend(int y) {
    StringBuilder legend = new StringBuilder();
    int x = 10;
    for (StoreKind store : List.of(StoreKind.SQLITE, StoreKind.JPA_SQLITE, StoreKind.POSTGRES, StoreKind.JPA_POSTGRES,
        StoreKind.MEMORY)) {
      legend.append(rect(x, y, 12, 12, COLOURS.get(store)));
      legend.append(text(x + 16, y + 11, store.id(), 12, "normal"));
      x += 100;
    }
    legend.append(line(x + 6, y - 1, x + 6, y + 13, TARGET_COLOUR, 3));
    legend.append(text(x + 14, y + 11, "target", 12, "normal"));
    return legend.toString();
  }

  private static String axis(int top, int bottom, double scale, String oneLabel) {
    StringBuilder axis = new StringBuilder();
    for (double tick = 0; tick <= scale + 1e-9; tick += 0.25) {
      int x = x(tick, scale);
      boolean one = Math.abs(tick - 1) < 1e-9;
      axis.append(line(x, top - 4, x, bottom, one ? "#333333" : "#dddddd", one ? 1.5 : 1));
      axis.append(text(x - 8, bottom + 12, String.format(Locale.ROOT, "%.2f", tick), 9, "normal"));
    }
    axis.append(text(x(1, scale) + 4, top - 8, oneLabel, 10, "normal"));
    return axis.toString();
  }

  private static String bar(int y, double value, double scale, String colour, String label) {
    int width = Math.max(1, x(Math.min(value, scale), scale) - PLOT_LEFT);
    return rect(PLOT_LEFT, y, width, BAR, colour) + text(PLOT_LEFT + width + 4, y + BAR - 4, label, 11, "normal");
  }

  private static String targetMark(int y, double value, double scale) {
    int x = x(value, scale);
    return line(x, y - 2, x, y + BAR + 2, TARGET_COLOUR, 3);
  }

  /** The axis's end for a value: the next quarter above it, with room for the bar's label. */
  private static double roundUp(double value) {
    return Math.ceil(value * 4 + 0.5) / 4;
  }

  private static int x(double value, double scale) {
    return PLOT_LEFT + (int) Math.round(value / scale * PLOT_WIDTH);
  }

  private static String rect(int x, int y, int width, int height, String colour) {
    return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\" fill=\""
        + colour + "\"/>\n";
  }

  private static String line(int x1, int y1, int x2, int y2, String colour, double width) {
    return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + colour
        + "\" stroke-width=\"" + width + "\"/>\n";
  }

  private static String text(int x, int y, String text, int size, String weight) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"" + size + "\" font-weight=\"" + weight + "\">"
        + escape(text) + "</text>\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
