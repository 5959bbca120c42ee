package dev.eventsourcing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every workload once at tiny sizes and checks what each run stored or read: the benchmark keeps working as
 * the library changes. Timings are printed by the runner but never asserted.
 */
class BenchmarkSmokeTest {
  private static final Sizes TINY = new Sizes(3, 2, 2, 2, 3, 20, 3, 4, 2);

  @TempDir Path work;

  @Test
  void everyWorkloadRunsInMemoryAndCountsItsEvents() {
    List<String> progress = new ArrayList<>();
    List<Result> results = runAll(new MemoryStore(), progress);

    assertThat(results).extracting(Result::workload)
        .containsExactly(Workload.W1, Workload.W1A, Workload.W2, Workload.W2Z, Workload.W2K, Workload.W3, Workload.W3Z,
            Workload.W3K, Workload.W3S, Workload.W4, Workload.W5, Workload.W5B10, Workload.W5B100);
    for (Result result : results) {
      assertThat(result.library()).singleElement().extracting(Sample::events)
          .isEqualTo(expectedEvents(result.workload()));
      assertThat(result.hasBaseline()).isFalse();
    }
    assertThat(progress).anyMatch(line -> line.startsWith("W3S get-1000, snapshot on memory, run 1: library"));
  }

  @Test
  void concurrentWritersStoreEveryEventOnce() {
    try (Worlds worlds = new MemoryStore().library(Features.PLAIN)) {
      Sample sample = Procedures.run(Workload.W1X4, List.of(worlds), TINY, 0, () -> {}).get(0);

      assertThat(sample.events()).isEqualTo(TINY.w1EventCount());
      assertThat(worlds.storedEvents()).isEqualTo(TINY.w1EventCount());
      assertThat(worlds.readLog(TINY.sectionSize())).isEqualTo(TINY.w1EventCount());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "jpa-sqlite"})
  void everyWorkloadRunsOnSqliteForTheLibraryAndBothBaselines(String kind) {
    try (SqliteStore store = kind.equals("sqlite")
        ? new SqliteStore(work.resolve("sqlite"))
        : SqliteStore.jpa(work.resolve("jpa-sqlite"))) {
      assertThat(store.kind().id()).isEqualTo(kind);
      List<Result> results = runAll(store, new ArrayList<>());

      for (Result result : results) {
        long expected = expectedEvents(result.workload());
        assertThat(result.library()).singleElement().extracting(Sample::events).isEqualTo(expected);
        assertThat(result.baseline()).singleElement().extracting(Sample::events).isEqualTo(expected);
        assertThat(result.limit()).singleElement().extracting(Sample::events).isEqualTo(expected);
        assertThat(result.ratio()).isPositive();
        assertThat(result.limitRatio()).isPositive();
      }
    }
  }

  private static List<Result> runAll(Store store, List<String> progress) {
    return new BenchmarkRunner(Arrays.asList(Workload.values()), List.of(store), 0, 0, 1, 0, TINY, progress::add).run();
  }

  private static long expectedEvents(Workload workload) {
    return switch (workload) {
      case W1, W1A, W1X4, W1X16 -> TINY.w1EventCount();
      case W2, W2Z, W2K, W4, W5, W5B10, W5B100 -> TINY.w2EventCount();
      case W3, W3Z, W3K, W3S -> (long) TINY.w3Events() * TINY.w3Gets();
    };
  }
}
