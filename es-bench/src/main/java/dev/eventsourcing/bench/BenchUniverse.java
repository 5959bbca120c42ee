package dev.eventsourcing.bench;

import dev.eventsourcing.examples.universe.Universe;
import java.util.Map;

/** The reference README's application, with a notification log that serves sections of up to 1,000 events. */
public final class BenchUniverse extends Universe {
  /** The largest section the log serves, so a reader can ask for W4's sections of 1,000. */
  public static final int LOG_SECTION_SIZE = 1_000;

  public BenchUniverse(Map<String, String> environment) {
    super(environment);
  }

  @Override
  protected int logSectionSize() {
    return LOG_SECTION_SIZE;
  }
}
