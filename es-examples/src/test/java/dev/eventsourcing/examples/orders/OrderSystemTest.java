package dev.eventsourcing.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Runner;
import dev.eventsourcing.system.SingleThreadedRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderSystemTest {
  @TempDir Path dir;

  @Test
  void theSingleThreadedRunnerReservesAndPaysEachOrderBeforeCreateOrderReturns() {
    try (Runner runner = new SingleThreadedRunner(OrderSystem.SYSTEM, Map.of("PERSISTENCE_MODULE", "memory"))) {
      runner.start();
      Orders orders = runner.get(Orders.class);
      UUID id = orders.createOrder("a book");
      assertThat(orders.get(id).isReserved()).isTrue();
      assertThat(orders.get(id).isPaid()).isTrue();
      assertThat(orders.get(id).version()).isEqualTo(3);
    }
  }

  @Test
  void theMultiThreadedRunnerReservesAndPaysEveryOrderOnASqliteFile() {
    Map<String, String> sqlite =
        Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", dir.resolve("shop.db").toString());
    try (Runner runner = new MultiThreadedRunner(OrderSystem.SYSTEM, sqlite)) {
      runner.start();
      Orders orders = runner.get(Orders.class);
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ids.add(orders.createOrder("item " + i));
      }
      await().atMost(Duration.ofMinutes(2)).until(() -> ids.stream().allMatch(id -> orders.get(id).isPaid()));
      assertThat(ids).allSatisfy(id -> assertThat(orders.get(id).version()).isEqualTo(3));
      assertThat(runner.failures()).isEmpty();
    }
  }
}
