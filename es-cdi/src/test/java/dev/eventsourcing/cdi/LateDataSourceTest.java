package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.jpa.TestNamingContextFactory;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.naming.Context;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A server may resolve a deployment's JNDI names only once the deployment runs (Payara's {@code java:app/...}): a
 * system whose data source is not bound yet when the container starts starts on first use.
 */
class LateDataSourceTest {
  private static final String NAME = "java:app/jdbc/late";
  @TempDir static Path directory;

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "sqlite", "DATASOURCE_JNDI_NAME", NAME));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }

  @BeforeEach
  void useTheTestNamingProvider() {
    System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingContextFactory.class.getName());
  }

  @AfterEach
  void unbind() {
    TestNamingContextFactory.BOUND.clear();
    System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
  }

  private static WeldContainer start() {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension())
        .addBeanClasses(Config.class, Universe.class, WorldCounter.class, WorldService.class)
        .property("org.jboss.weld.construction.relaxed", false).initialize();
  }

  @Test
  void theSystemStartsOnFirstUseOnceTheNameIsBound() {
    try (WeldContainer container = start()) {
      SQLiteDataSource events = new SQLiteDataSource();
      events.setUrl("jdbc:sqlite:" + directory.resolve("late.db"));
      TestNamingContextFactory.BOUND.put(NAME, events);

      WorldService service = container.select(WorldService.class).get();
      service.createWorldWithHistory("Earth");
      WorldCounter counter = container.select(WorldCounter.class).get();
      await().atMost(Duration.ofSeconds(30)).until(() -> counter.counted() == 1);
      assertThat(counter.recorder()).isSameAs(container.select(Runner.class).get().get(WorldCounter.class).recorder());
    }
  }

  @Test
  void aNameThatIsNeverBoundFailsEachUseWithTheSetting() {
    try (WeldContainer container = start()) {
      assertThatThrownBy(() -> container.select(Runner.class).get())
          .hasStackTraceContaining("DATASOURCE_JNDI_NAME='" + NAME + "' could not be looked up");
    }
  }
}
