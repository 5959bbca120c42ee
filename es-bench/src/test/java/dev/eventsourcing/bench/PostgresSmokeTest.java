package dev.eventsourcing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the workloads once at tiny sizes on an embedded PostgreSQL, for the library and both plain-JDBC baselines,
 * including the concurrent writers, and checks the counts and that the server runs with its durability settings on.
 */
class PostgresSmokeTest {
  private static final Sizes TINY = new Sizes(4, 2, 2, 2, 3, 20, 3, 4, 4);

  @TempDir static Path work;
  private static PostgresStore store;

  @BeforeAll
  static void startPostgres() {
    store = new PostgresStore(PostgresServer.embedded(work.resolve("postgres")));
  }

  @AfterAll
  static void stopPostgres() {
    store.close();
  }

  @Test
  void theServerCommitsDurably() {
    assertThat(store.description()).contains("fsync=on", "synchronous_commit=on", "full_page_writes=on");
  }

  @Test
  void workloadsRunForTheLibraryAndPlainJdbc() {
    List<Workload> workloads = List.of(Workload.W1, Workload.W1A, Workload.W1X4, Workload.W1X16, Workload.W2,
        Workload.W3S, Workload.W4, Workload.W5);
    List<Result> results =
        new BenchmarkRunner(workloads, List.of(store), 0, 0, 1, 0, TINY, line -> {}).run();

    assertThat(results).extracting(Result::workload).containsExactlyElementsOf(workloads);
    for (Result result : results) {
      long expected = switch (result.workload()) {
        case W1, W1A, W1X4, W1X16 -> TINY.w1EventCount();
        case W3S -> (long) TINY.w3Events() * TINY.w3Gets();
        default -> TINY.w2EventCount();
      };
      assertThat(result.library()).singleElement().extracting(Sample::events).isEqualTo(expected);
      assertThat(result.baseline()).singleElement().extracting(Sample::events).isEqualTo(expected);
      assertThat(result.limit()).singleElement().extracting(Sample::events).isEqualTo(expected);
      assertThat(result.limitRatio()).isPositive();
    }
  }

  @Test
  void theJpaStoreRunsTheWorkloadsOnTheSameServer() {
    PostgresStore jpa = PostgresStore.jpa(PostgresServer.external(store.url(), "postgres", ""), true);
    List<Workload> workloads = List.of(Workload.W1A, Workload.W2, Workload.W3, Workload.W5);
    List<Result> results = new BenchmarkRunner(workloads, List.of(jpa), 0, 0, 1, 0, TINY, line -> {}).run();

    assertThat(jpa.kind()).isEqualTo(StoreKind.JPA_POSTGRES);
    for (Result result : results) {
      long expected = result.workload() == Workload.W1A ? TINY.w1EventCount()
          : result.workload() == Workload.W3 ? (long) TINY.w3Events() * TINY.w3Gets() : TINY.w2EventCount();
      assertThat(result.library()).singleElement().extracting(Sample::events).isEqualTo(expected);
      assertThat(result.baseline()).singleElement().extracting(Sample::events).isEqualTo(expected);
    }
  }

  @Test
  void eachMeasurementStartsFromAnEmptyStore() {
    try (Worlds library = store.library(Features.PLAIN)) {
      library.createWorlds(2, 3);
    }
    try (Worlds baseline = store.baseline(Features.PLAIN); Worlds limit = store.physicalLimit(Features.PLAIN)) {
      baseline.createWorlds(2, 3);
      limit.createWorlds(2, 3);
    }
    try (Worlds library = store.library(Features.PLAIN); Worlds baseline = store.baseline(Features.PLAIN);
        Worlds limit = store.physicalLimit(Features.PLAIN)) {
      assertThat(library.storedEvents()).isZero();
      assertThat(baseline.storedEvents()).isZero();
      assertThat(limit.storedEvents()).isZero();
    }
  }
}
