package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.system.Orders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The session thread (LISTEN and leases) comes from the threads the application is given, as a server's would. */
class PostgresSessionThreadsTest {
  @Test
  void theSessionThreadIsMadeByTheGivenFactory() {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    environment.put("PERSISTENCE_MODULE", "postgres");
    List<Thread> made = new CopyOnWriteArrayList<>();
    ThreadFactory threads = work -> {
      Thread thread = new Thread(work);
      thread.setDaemon(true);
      made.add(thread);
      return thread;
    };
    try (Orders orders = Application.builder(Orders.class).environment(environment).threads(threads).build()) {
      orders.recorder().subscribe(() -> {}); // the session listens from its thread
      assertThat(made).singleElement()
          .satisfies(thread -> assertThat(thread.getName()).isEqualTo("eventsourcing-Orders-postgres-session"));
    }
  }

  @Test
  void withoutAFactoryTheSessionThreadIsADaemonOfItsOwn() {
    Map<String, String> environment = new HashMap<>(TestPostgres.newSchema());
    environment.put("PERSISTENCE_MODULE", "postgres");
    try (Orders orders = Application.builder(Orders.class).environment(environment).build()) {
      orders.recorder().subscribe(() -> {});
      assertThat(Thread.getAllStackTraces().keySet())
          .anySatisfy(thread -> {
            assertThat(thread.getName()).isEqualTo("eventsourcing-Orders-postgres-session");
            assertThat(thread.isDaemon()).isTrue();
          });
    }
  }
}
