package dev.eventsourcing.cdi.beans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.cdi.EventSourcingConfig;
import dev.eventsourcing.cdi.EventSourcingExtension;
import dev.eventsourcing.cdi.Universe;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applications of a produced event system are beans the container constructs, injects and intercepts before
 * the runner's workers process anything, and the runner processes with those contextual instances.
 */
class SystemApplicationBeansTest {
  @TempDir static Path directory;

  @ApplicationScoped
  public static class Pipes {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "sqlite",
          "SQLITE_DBNAME", directory.resolve("beans.db").toString(), "SYSTEM_POLL_INTERVAL_MILLIS", "50"));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(
          List.of(Universe.class, NamingCounter.class), List.of(Universe.class, ConstructedCounter.class)));
    }
  }

  @BeforeEach
  void reset() {
    CountingInterceptor.CALLS.set(0);
  }

  private static Weld weld(Class<?>... beans) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension()).addBeanClasses(beans)
        .addBeanClass(CountingInterceptor.class) // enabled by its @Priority
        .property("org.jboss.weld.construction.relaxed", false);
  }

  private static WeldContainer start() {
    return weld(Pipes.class, Naming.class, Universe.class, NamingCounter.class, ConstructedCounter.class)
        .initialize();
  }

  @Test
  void aFollowersPolicyUsesWhatTheContainerInjectedBeforeAnyWorkerRan() {
    try (WeldContainer container = start()) {
      Universe universe = container.select(Universe.class).get();
      universe.createWorld("Earth");
      universe.createWorld("Mars");

      NamingCounter counter = container.select(NamingCounter.class).get();
      ConstructedCounter constructed = container.select(ConstructedCounter.class).get();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> counter.named().size() == 2 && constructed.named().size() == 2);
      assertThat(counter.named()).containsExactly("named Earth", "named Mars");
      assertThat(constructed.named()).containsExactly("named Earth", "named Mars");
      Runner runner = container.select(Runner.class).get();
      assertThat(runner.followers()).allSatisfy(follower -> assertThat(follower.error()).isNull());
    }
  }

  @Test
  void theRunnersApplicationIsTheContainersInterceptedInstanceThatTheInjectedBeanCalls() {
    try (WeldContainer container = start()) {
      NamingCounter counter = container.select(NamingCounter.class).get();
      Runner runner = container.select(Runner.class).get();
      NamingCounter runners = runner.get(NamingCounter.class);

      assertThat(System.identityHashCode(runners)).isEqualTo(counter.identity());
      assertThat(runners.getClass()).isNotSameAs(NamingCounter.class); // the container's intercepting subclass
      counter.named();
      assertThat(CountingInterceptor.CALLS).hasValue(1);
      runners.named();
      assertThat(CountingInterceptor.CALLS).hasValue(2);

      container.select(Universe.class).get().createWorld("Venus");
      await().atMost(Duration.ofSeconds(30)).until(() -> counter.processedBy().size() == 1);
      assertThat(counter.processedBy()).containsExactly(runners);
      assertThat(System.identityHashCode(runner.get(Universe.class)))
          .isEqualTo(container.select(Universe.class).get().identity());
    }
  }

  @Test
  void anApplicationTakingItsContextIsNamedAndConfiguredByTheContainer() {
    try (WeldContainer container = start()) {
      ConstructedCounter constructed = container.select(ConstructedCounter.class).get();
      assertThat(constructed.name()).isEqualTo("ConstructedCounter");
      assertThat(constructed.environment().get("SQLITE_DBNAME")).endsWith("beans.db");
      assertThat(container.select(Runner.class).get().get(ConstructedCounter.class).recorder())
          .isSameAs(constructed.recorder());
    }
  }

  /** A process application that is not a bean of the deployment. */
  public static class PlainCounter extends ProcessApplication {
    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {}

    @Override
    protected DecodableTypes types() {
      return DecodableTypes.of(World.class);
    }
  }

  @ApplicationScoped
  public static class PlainPipes {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "memory"));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, PlainCounter.class)));
    }
  }

  @Test
  void aSystemsApplicationThatIsNotABeanFailsTheStartNamingTheFix() {
    assertThatThrownBy(() -> weld(PlainPipes.class, Universe.class).initialize().close())
        .hasStackTraceContaining("application " + PlainCounter.class.getName() + " of the event system")
        .hasStackTraceContaining("annotate it with @EventSourcingApplication");
  }

  @ApplicationScoped
  public static class Misplaced {
    @Inject ApplicationContext context;
  }

  @Test
  void aContextInjectedAnywhereButAnApplicationsConstructorFailsTheDeployment() {
    assertThatThrownBy(() -> weld(Misplaced.class).initialize().close())
        .hasStackTraceContaining("an ApplicationContext is injected into")
        .hasStackTraceContaining("only into the constructor of a class annotated @EventSourcingApplication");
  }
}
