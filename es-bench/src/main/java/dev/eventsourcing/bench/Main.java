package dev.eventsourcing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmark from the command line (see {@link Options#USAGE}): progress on standard error, the results
 * table on standard output, and optionally the results and chart into the docs.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      if (List.of(args).contains("--help")) {
        System.out.print(Options.USAGE);
        return;
      }
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    boolean temporary = options.workDirectory() == null;
    Path work = temporary ? Files.createTempDirectory("es-bench") : options.workDirectory();
    List<Store> stores = new ArrayList<>();
    try {
      PostgresServer postgres = null;
      for (StoreKind kind : options.stores()) {
        if ((kind == StoreKind.POSTGRES || kind == StoreKind.JPA_POSTGRES) && postgres == null) {
          postgres = postgresServer(options, work);
        }
        stores.add(open(kind, options, work, postgres));
      }
      List<String> storeLines = new ArrayList<>();
      for (Store store : stores) {
        storeLines.add("- " + store.kind().id() + ": " + store.description());
      }
      String machine = Machine.describe();
      String loadBefore = Machine.loadAverage();
      System.err.println("Machine: " + machine);
      storeLines.forEach(System.err::println);

      List<Result> results = new BenchmarkRunner(options.workloads(), stores, options.warmups(),
          options.warmupSeconds(), options.runs(), options.measureSeconds(), options.sizes(), line -> System.err.println("  " + line)).run();

      String date = LocalDate.now(ZoneOffset.UTC).toString();
      String load = "load average " + loadBefore + " before, " + Machine.loadAverage() + " after";
      String report = report(options, args, date, machine + "; " + load, storeLines, results);
      System.out.println();
      System.out.print(report);
      String chart = Chart.svg(results, date + " · " + machine);
      if (options.chart() != null) {
        Files.writeString(options.chart(), chart, StandardCharsets.UTF_8);
      }
      if (options.docs() != null) {
        DocsPage.update(options.docs(), report, chart);
        System.err.println("Wrote the results into " + options.docs().resolve(DocsPage.PAGE) + " and "
            + options.docs().resolve(DocsPage.CHART));
      }
    } finally {
      for (Store store : stores) {
        store.close();
      }
      if (temporary) {
        delete(work);
      }
    }
  }

  /** The store of {@code kind}; both PostgreSQL stores share {@code postgres}, which the postgres store closes. */
  private static Store open(StoreKind kind, Options options, Path work, @Nullable PostgresServer postgres) {
    return switch (kind) {
      case MEMORY -> new MemoryStore();
      case SQLITE -> new SqliteStore(work.resolve("sqlite"));
      case JPA_SQLITE -> SqliteStore.jpa(work.resolve("jpa-sqlite"));
      case POSTGRES -> new PostgresStore(Objects.requireNonNull(postgres));
      case JPA_POSTGRES -> PostgresStore.jpa(Objects.requireNonNull(postgres),
          !options.stores().contains(StoreKind.POSTGRES));
    };
  }

  private static PostgresServer postgresServer(Options options, Path work) {
    return options.postgresUrl() == null
        ? PostgresServer.embedded(work.resolve("postgres"))
        : PostgresServer.external(options.postgresUrl(), env("BENCH_POSTGRES_USER", "postgres"),
            env("BENCH_POSTGRES_PASSWORD", ""));
  }

  private static String report(Options options, String[] args, String date, String machine,
      List<String> storeLines, List<Result> results) {
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "Measured on %s with `java -jar es-bench/target/es-bench.jar%s`: at"
            + " least %d counted run%s and %.0f s of them for each workload on each store, after at least %d warm-up"
            + " run%s and %.0f s of them%s.%n%n", date,
        args.length == 0 ? "" : " " + String.join(" ", withoutUrl(args)), options.runs(), options.runs() == 1 ? "" : "s",
        options.measureSeconds(), options.warmups(), options.warmups() == 1 ? "" : "s", options.warmupSeconds(),
        options.sizes().equals(Sizes.standard()) ? "" : ", at sizes other than the standard ones: " + options.sizes()));
    report.append("Machine: ").append(machine).append("\n\n");
    report.append("Stores:\n\n");
    storeLines.forEach(line -> report.append(line).append('\n'));
    report.append('\n');
    report.append(ResultTable.markdown(results));
    return report.toString();
  }

  /** The arguments with a PostgreSQL URL left out: it may hold a password. */
  private static List<String> withoutUrl(String[] args) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--postgres-url")) {
        shown.add("--postgres-url=...");
        i += args[i].contains("=") ? 0 : 1;
      } else {
        shown.add(args[i]);
      }
    }
    return shown;
  }

  private static String env(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null ? defaultValue : value;
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("can't delete " + directory, e);
    }
  }
}
