package dev.eventsourcing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes results into the documentation: the table into {@code performance.md}, the chart beside it. */
final class DocsPage {
  static final String BEGIN = "<!-- results:begin -->";
  static final String END = "<!-- results:end -->";
  static final String PAGE = "performance.md";
  static final String CHART = "performance.svg";

  private DocsPage() {}

  /** Replaces what {@code performance.md} holds between its result markers, and writes the chart. */
  static void update(Path docs, String results, String chart) throws IOException {
    Path page = docs.resolve(PAGE);
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(page + " lacks the markers " + BEGIN + " and " + END + " around its results");
    }
    String updated = text.substring(0, begin + BEGIN.length()) + "\n\n" + results.strip() + "\n\n"
        + text.substring(end);
    Files.writeString(page, updated, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve(CHART), chart, StandardCharsets.UTF_8);
  }
}
