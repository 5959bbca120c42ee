package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications are constructed once, lazily or when the container starts, and closed when it shuts down. */
class LifecycleTest {
  @TempDir static Path directory;

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of(
          "PERSISTENCE_MODULE", "counting-sqlite", "SQLITE_DBNAME", directory.resolve("events.db").toString()));
    }
  }

  @EventSourcingApplication(eager = true)
  public static class Eager extends dev.eventsourcing.application.Application {}

  @BeforeEach
  void reset() {
    CountingStore.reset();
  }

  private static WeldContainer start(Class<?> application) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension())
        .addBeanClasses(Config.class, application).property("org.jboss.weld.construction.relaxed", false)
        .initialize();
  }

  @Test
  void aLazyApplicationIsConstructedOnFirstUseAndClosedOnShutdown() {
    try (WeldContainer container = start(Universe.class)) {
      Universe universe = container.select(Universe.class).get();
      assertThat(CountingStore.OPENED).hasValue(0);
      universe.createWorld("Earth");
      universe.createWorld("Mars");
      assertThat(container.select(Universe.class).get().recorder().maxNotificationId()).isEqualTo(2L);
      assertThat(CountingStore.OPENED).hasValue(1);
      assertThat(CountingStore.CLOSED).hasValue(0);
    }
    assertThat(CountingStore.CLOSED).hasValue(1);
  }

  @Test
  void anEagerApplicationIsConstructedWhenTheContainerStarts() {
    try (WeldContainer container = start(Eager.class)) {
      assertThat(CountingStore.OPENED).hasValue(1);
      container.select(Eager.class).get().recorder();
      assertThat(CountingStore.OPENED).hasValue(1);
    }
    assertThat(CountingStore.CLOSED).hasValue(1);
  }
}
