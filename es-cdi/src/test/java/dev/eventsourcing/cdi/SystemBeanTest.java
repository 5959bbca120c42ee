package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A system the deployment produces is run with the container, and its applications are the runner's. */
class SystemBeanTest {
  @TempDir static Path directory;

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of(
          "PERSISTENCE_MODULE", "counting-sqlite", "SQLITE_DBNAME", directory.resolve("system.db").toString()));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }

  @BeforeEach
  void reset() {
    CountingStore.reset();
  }

  private static WeldContainer start(Class<?>... beans) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension()).addBeanClasses(beans)
        .property("org.jboss.weld.construction.relaxed", false).initialize();
  }

  @Test
  void theRunnerStartsWithTheContainerAndItsFollowerProcessesWhatTheInjectedLeaderSaves() {
    try (WeldContainer container = start(Config.class, Universe.class, WorldCounter.class, WorldService.class)) {
      assertThat(CountingStore.OPENED).hasValue(2); // the runner's two applications, and no other
      WorldService service = container.select(WorldService.class).get();
      service.createWorldWithHistory("Earth");
      service.createWorldWithHistory("Mars");

      WorldCounter counter = container.select(WorldCounter.class).get();
      await().atMost(Duration.ofSeconds(30)).until(() -> counter.counted() == 2);

      Runner runner = container.select(Runner.class).get();
      assertThat(service.universe().recorder()).isSameAs(runner.get(Universe.class).recorder());
      assertThat(counter.recorder()).isSameAs(runner.get(WorldCounter.class).recorder());
      assertThat(CountingStore.OPENED).hasValue(2);
    }
    assertThat(CountingStore.CLOSED).hasValue(2);
  }

  @Test
  void aRunnerIsOnlyInjectedWhereASystemIsProduced() {
    try (WeldContainer container = start(SqliteFileConfig.class, Universe.class)) {
      assertThatThrownBy(() -> container.select(Runner.class).get())
          .hasStackTraceContaining("the deployment produces no EventSystem bean");
    }
  }
}
