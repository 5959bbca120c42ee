package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment may produce several event systems, each with qualifiers of its own: each is run by its own runner,
 * injectable with the same qualifiers, on the threads and with the poll interval the deployment sets.
 */
class SeveralSystemsTest {
  @TempDir static Path directory;

  /** The second system's qualifier. */
  @Qualifier
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Chronicles {
    final class Literal extends AnnotationLiteral<Chronicles> implements Chronicles {}
  }

  /** The threads the deployment gives its systems' workers, as a server's ManagedThreadFactory would. */
  static final Set<Thread> GIVEN_THREADS = ConcurrentHashMap.newKeySet();

  static final ThreadFactory THREADS = work -> {
    Thread thread = new Thread(work, "given-" + GIVEN_THREADS.size());
    thread.setDaemon(true);
    GIVEN_THREADS.add(thread);
    return thread;
  };

  @ApplicationScoped
  public static class TwoSystems {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "sqlite",
              "SQLITE_DBNAME", directory.resolve("systems.db").toString(), "SYSTEM_POLL_INTERVAL_MILLIS", "50"))
          .withThreadFactory(THREADS);
    }

    @Produces
    EventSystem worlds() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }

    @Produces
    @Chronicles
    EventSystem chronicles() {
      return new EventSystem(List.of(List.of(Multiverse.class, MultiverseCounter.class)));
    }
  }

  @ApplicationScoped
  public static class OneClassInTwoSystems {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "memory"));
    }

    @Produces
    EventSystem worlds() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }

    @Produces
    @Chronicles
    EventSystem chronicles() {
      return new EventSystem(List.of(List.of(Universe.class, MultiverseCounter.class)));
    }
  }

  @ApplicationScoped
  public static class TwoUnqualifiedSystems {
    @Produces
    EventSystem worlds() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }

    @Produces
    EventSystem more() {
      return new EventSystem(List.of(List.of(Multiverse.class, MultiverseCounter.class)));
    }
  }

  @ApplicationScoped
  public static class Settings {
    static Map<String, String> given = Map.of();

    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(given);
    }

    @Produces
    EventSystem worlds() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }

  private static WeldContainer start(Class<?>... beans) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension()).addBeanClasses(beans)
        .property("org.jboss.weld.construction.relaxed", false).initialize();
  }

  @Test
  void eachSystemHasItsOwnRunnerOnTheGivenThreadsAndItsApplicationsAreThatRunnersInstances() {
    GIVEN_THREADS.clear();
    try (WeldContainer container = start(TwoSystems.class, Universe.class, WorldCounter.class, Multiverse.class,
        MultiverseCounter.class)) {
      Runner worlds = container.select(Runner.class).get();
      Runner chronicles = container.select(Runner.class, new Chronicles.Literal()).get();
      assertThat(worlds).isNotSameAs(chronicles);

      Universe universe = container.select(Universe.class).get();
      Multiverse multiverse = container.select(Multiverse.class).get();
      assertThat(universe.recorder()).isSameAs(worlds.get(Universe.class).recorder());
      assertThat(multiverse.recorder()).isSameAs(chronicles.get(Multiverse.class).recorder());
      assertThatThrownBy(() -> worlds.get(Multiverse.class)).isInstanceOf(IllegalArgumentException.class);

      universe.createWorld("Earth");
      multiverse.createWorld("Mars");
      multiverse.createWorld("Venus");

      WorldCounter counter = container.select(WorldCounter.class).get();
      MultiverseCounter otherCounter = container.select(MultiverseCounter.class).get();
      await().atMost(Duration.ofSeconds(30)).until(() -> counter.counted() == 1 && otherCounter.counted() == 2);
      assertThat(counter.recorder().maxTrackingId("Multiverse")).isNull();
      assertThat(otherCounter.recorder().maxTrackingId("Universe")).isNull();
      assertThat(GIVEN_THREADS).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void anApplicationClassInTwoSystemsFailsTheStartNamingIt() {
    assertThatThrownBy(() -> start(OneClassInTwoSystems.class, Universe.class, WorldCounter.class,
        MultiverseCounter.class).close())
        .hasStackTraceContaining(Universe.class.getName() + " is in several event systems");
  }

  @Test
  void twoSystemsWithTheSameQualifiersFailTheDeployment() {
    assertThatThrownBy(() -> start(TwoUnqualifiedSystems.class, Universe.class, WorldCounter.class,
        Multiverse.class, MultiverseCounter.class).close())
        .hasStackTraceContaining("there are several EventSystem beans with the qualifiers");
  }

  @Test
  void aBadPollIntervalFailsTheDeploymentNamingTheSetting() {
    Settings.given = Map.of("PERSISTENCE_MODULE", "memory", "SYSTEM_POLL_INTERVAL_MILLIS", "soon");
    assertThatThrownBy(() -> start(Settings.class, Universe.class, WorldCounter.class).close())
        .hasStackTraceContaining("SYSTEM_POLL_INTERVAL_MILLIS='soon' is not a positive whole number of milliseconds");
  }

  @Test
  void aNamedThreadFactoryThatIsNotThereFailsTheRunnerNamingTheSetting() {
    Settings.given = Map.of("PERSISTENCE_MODULE", "memory", "MANAGED_THREAD_FACTORY", "java:comp/env/NoSuchFactory");
    try (WeldContainer container = start(Settings.class, Universe.class, WorldCounter.class)) {
      assertThatThrownBy(() -> container.select(Runner.class).get().get(Universe.class))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("MANAGED_THREAD_FACTORY=java:comp/env/NoSuchFactory could not be looked up");
    }
  }
}
