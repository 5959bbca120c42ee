package dev.eventsourcing.bench;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The workloads of the benchmark, and the options measured with them. */
public enum Workload {
  W1("W1", "save-1", "new worlds, each created and then changed 4 times, one event per transaction;"
      + " each change loads the world first", Unit.EVENTS_PER_SECOND),
  W1A("W1a", "save-1, no reload", "W1's worlds kept in memory: each change saved on its own, without loading the"
      + " world first", Unit.EVENTS_PER_SECOND),
  W1X4("W1x4", "save-1, 4 writers", "W1 split among 4 threads writing different worlds", Unit.EVENTS_PER_SECOND),
  W1X16("W1x16", "save-1, 16 writers", "W1 split among 16 threads writing different worlds",
      Unit.EVENTS_PER_SECOND),
  W2("W2", "save-100", "100 events per transaction: 10 new worlds of 10 events saved atomically",
      Unit.EVENTS_PER_SECOND),
  W2Z("W2z", "save-100, zlib + AES", "W2 with ZlibCompressor and AesCipher", Unit.EVENTS_PER_SECOND),
  W2K("W2k", "save-100, zlib + per-subject keys", "W2 with ZlibCompressor and CIPHER_MODE=per-subject: a new data key"
      + " for each world, inserted with its events", Unit.EVENTS_PER_SECOND),
  W3("W3", "get-1000", "one world of 1,000 events rebuilt with repository.get", Unit.MILLISECONDS),
  W3Z("W3z", "get-1000, zlib + AES", "W3 with ZlibCompressor and AesCipher", Unit.MILLISECONDS),
  W3K("W3k", "get-1000, zlib + per-subject keys", "W3 with ZlibCompressor and CIPHER_MODE=per-subject; the world's"
      + " data key is cached by the application from its save on", Unit.MILLISECONDS),
  W3S("W3S", "get-1000, snapshot", "W3 from a snapshot at version 1,000", Unit.MILLISECONDS),
  W4("W4", "read-log", "W2's events read in order through the notification log reader, in sections of 1,000,"
      + " each decoded", Unit.EVENTS_PER_SECOND),
  W5("W5", "process", "a process application following W2's 10,000 events, with its default settings: for each,"
      + " one new event, in batches of what the log holds up to PROCESSING_BATCH_SIZE's default; the baselines"
      + " commit one event and its tracking record at a time", Unit.EVENTS_PER_SECOND),
  W5B10("W5b10", "process, batches of 10", "W5 with PROCESSING_BATCH_SIZE=10: 10 upstream events per transaction",
      Unit.EVENTS_PER_SECOND),
  W5B100("W5b100", "process, batches of 100", "W5 with PROCESSING_BATCH_SIZE=100", Unit.EVENTS_PER_SECOND);

  /** How a workload's figure is expressed. */
  public enum Unit {
    EVENTS_PER_SECOND("events/s"),
    MILLISECONDS("ms");

    private final String symbol;

    Unit(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  private final String id;
  private final String title;
  private final String description;
  private final Unit unit;

  Workload(String id, String title, String description, Unit unit) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.unit = unit;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  /**
   * How many upstream events a W5 follower processes in one transaction: 0 for W5, where the library keeps its
   * default and the baselines process one at a time; 0 for the other workloads.
   */
  public int processingBatchSize() {
    return switch (this) {
      case W5 -> 0;
      case W5B10 -> 10;
      case W5B100 -> 100;
      default -> 0;
    };
  }

  /** How many threads write at once: W1x4's and W1x16's writers; 1 for the other workloads. */
  public int writers(Sizes sizes) {
    return switch (this) {
      case W1X4 -> sizes.writers();
      case W1X16 -> 4 * sizes.writers();
      default -> 1;
    };
  }

  /** Whether the workload is measured on a store: the concurrent writers run on the databases only. */
  public boolean runsOn(StoreKind store) {
    return (this != W1X4 && this != W1X16) || store != StoreKind.MEMORY;
  }

  /** The features of the stores it runs on; {@code aesKey} is the benchmark's key for the encrypted options. */
  public Features features(String aesKey) {
    return switch (this) {
      case W2Z, W3Z -> new Features(aesKey, false, false);
      case W2K, W3K -> new Features(aesKey, false, true);
      case W3S -> new Features(null, true, false);
      default -> Features.PLAIN;
    };
  }

  /**
   * What the library must reach on a store, if anything (the options are measured without targets): on the
   * databases, against plain JDBC at the physical limit.
   */
  public @Nullable Target target(StoreKind store) {
    if (store == StoreKind.MEMORY) {
      return switch (this) {
        case W1 -> new Target(Target.Kind.EVENTS_PER_SECOND_AT_LEAST, 300_000);
        case W4 -> new Target(Target.Kind.EVENTS_PER_SECOND_AT_LEAST, 1_000_000);
        default -> null;
      };
    }
    if (store.isJpa()) {
      return switch (this) {
        case W1A, W2 -> new Target(Target.Kind.THROUGHPUT_RATIO_AT_LEAST, 0.6);
        default -> null;
      };
    }
    return switch (this) {
      case W1 -> new Target(Target.Kind.THROUGHPUT_RATIO_AT_LEAST, 0.85);
      case W1A, W2 -> new Target(Target.Kind.THROUGHPUT_RATIO_AT_LEAST, 0.8);
      case W3 -> new Target(Target.Kind.TIME_RATIO_AT_MOST, 1.3);
      case W3S -> new Target(Target.Kind.TIME_RATIO_AT_MOST, 1.25);
      case W4 -> new Target(Target.Kind.THROUGHPUT_RATIO_AT_LEAST, 0.5);
      case W5 -> new Target(Target.Kind.THROUGHPUT_RATIO_AT_LEAST, 3.0);
      default -> null;
    };
  }

  /** The workload named {@code id}, such as {@code W3S}, in any case. */
  public static Workload of(String id) {
    for (Workload workload : values()) {
      if (workload.id.toLowerCase(Locale.ROOT).equals(id.trim().toLowerCase(Locale.ROOT))) {
        return workload;
      }
    }
    throw new IllegalArgumentException("unknown workload '" + id + "': use W1, W1a, W1x4, W1x16, W2, W2z, W2k,"
        + " W3, W3z, W3k, W3S, W4, W5, W5b10 or W5b100");
  }
}
