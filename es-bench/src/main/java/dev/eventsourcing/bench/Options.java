package dev.eventsourcing.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line of the benchmark.
 *
 * @param postgresUrl an external PostgreSQL server's JDBC URL, or {@code null} to start an embedded one
 * @param docs a directory whose {@code performance.md} and {@code performance.svg} receive the results
 * @param chart a file to write the chart to
 * @param workDirectory where SQLite files and the embedded server's data go (a temporary directory if {@code
 *     null})
 */
public record Options(
    List<Workload> workloads,
    List<StoreKind> stores,
    int warmups,
    double warmupSeconds,
    int runs,
    double measureSeconds,
    Sizes sizes,
    @Nullable String postgresUrl,
    @Nullable Path docs,
    @Nullable Path chart,
    @Nullable Path workDirectory) {

  public static final String USAGE = """
      Usage: java -jar es-bench/target/es-bench.jar [options]

        --workloads W1,W2,...  workloads to run (default: all): W1 W1a W1x4 W1x16 W2 W2z W2k W3 W3z W3k W3S W4 W5 W5b10 W5b100
        --stores a,b           stores to run on (default: all): memory, sqlite, postgres, jpa-sqlite (the jpa
                               store on SQLite), jpa-postgres (the jpa store on PostgreSQL)
        --runs N               counted runs of each workload on each store (default 3)
        --warmups N            uncounted runs before them (default 1)
        --warmup-seconds S     and more of them until S seconds have passed (default 10), for the JIT compiler
        --measure-seconds S    more counted runs until S seconds have passed (default 5), for fast stores
        --quick                tiny sizes, 1 run, no warm-up: checks that everything works, figures mean nothing
        --postgres-url URL     an external PostgreSQL (jdbc:postgresql://host:port/db) instead of the embedded one;
                               also from BENCH_POSTGRES_URL, with BENCH_POSTGRES_USER and BENCH_POSTGRES_PASSWORD
        --docs DIR             write the results into DIR/performance.md and the chart to DIR/performance.svg
        --chart FILE           write the chart to FILE
        --work-dir DIR         where SQLite files and the embedded PostgreSQL's data go (default: a temporary dir)
        --help                 this text

      Micro-benchmarks (JMH): java -cp es-bench/target/es-bench.jar org.openjdk.jmh.Main
      """;

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public static Options parse(String... args) {
    List<Workload> workloads = List.of(Workload.values());
    List<StoreKind> stores = List.of(StoreKind.values());
    Integer warmups = null;
    Double warmupSeconds = null;
    Double measureSeconds = null;
    Integer runs = null;
    boolean quick = false;
    String postgresUrl = System.getenv("BENCH_POSTGRES_URL");
    Path docs = null;
    Path chart = null;
    Path workDirectory = null;
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    while (!arguments.isEmpty()) {
      String option = arguments.remove(0);
      String value = null;
      int equals = option.indexOf('=');
      if (equals > 0) {
        value = option.substring(equals + 1);
        option = option.substring(0, equals);
      }
      if (option.equals("--quick")) {
        quick = true;
        continue;
      }
      if (value == null) {
        if (arguments.isEmpty()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        value = arguments.remove(0);
      }
      switch (option) {
        case "--workloads" -> workloads = Arrays.stream(value.split(",")).map(Workload::of).distinct().toList();
        case "--stores" -> stores = Arrays.stream(value.split(",")).map(StoreKind::of).distinct().toList();
        case "--runs" -> runs = count(option, value, 1);
        case "--warmups" -> warmups = count(option, value, 0);
        case "--warmup-seconds" -> warmupSeconds = (double) count(option, value, 0);
        case "--measure-seconds" -> measureSeconds = (double) count(option, value, 0);
        case "--postgres-url" -> postgresUrl = value;
        case "--docs" -> docs = Path.of(value);
        case "--chart" -> chart = Path.of(value);
        case "--work-dir" -> workDirectory = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new Options(workloads, stores, warmups != null ? warmups : quick ? 0 : 1,
        warmupSeconds != null ? warmupSeconds : quick ? 0 : 10, runs != null ? runs : quick ? 1 : 3,
        measureSeconds != null ? measureSeconds : quick ? 0 : 5,
        quick ? Sizes.quick() : Sizes.standard(), postgresUrl == null || postgresUrl.isBlank() ? null : postgresUrl,
        docs, chart, workDirectory);
  }

  private static int count(String option, String value, int min) {
    try {
      int count = Integer.parseInt(value.trim());
      if (count >= min) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a whole number of at least " + min + ", got '" + value + "'");
  }
}
