package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.ProcessingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With MicroProfile Health in the container, the extension adds a readiness check of each application's store and
 * a liveness check of the followers, each naming the applications; here in Weld with the health API, as a health
 * endpoint calls them.
 */
class HealthChecksTest {
  @TempDir static Path directory;

  /** Counts worlds, and fails on one named "broken", as a policy with a bug would. */
  @EventSourcingApplication
  @Typed(BrokenCounter.class)
  public static class BrokenCounter extends WorldCounter {
    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
      if (event.payload() instanceof World.Created created && created.name().equals("broken")) {
        throw new IllegalStateException("can't count a broken world");
      }
      super.policy(event, processing);
    }
  }

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig everyApplication() {
      return EventSourcingConfig.of(Map.of(
          "PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", directory.resolve("health.db").toString()));
    }

    /** The Multiverse's database is in a directory that does not exist: its store can't answer. */
    @Produces
    @ForApplication(Multiverse.class)
    EventSourcingConfig multiverse() {
      return EventSourcingConfig.of(Map.of("SQLITE_DBNAME", directory.resolve("missing/multiverse.db").toString()));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, BrokenCounter.class)));
    }
  }

  @Test
  void readinessNamesEachApplicationsStoreAndLivenessEachStoppedFollower() {
    try (WeldContainer container = new Weld().disableDiscovery().addExtension(new EventSourcingExtension())
        .addBeanClasses(Config.class, Universe.class, BrokenCounter.class, Multiverse.class, WorldService.class)
        .initialize()) {
      HealthCheck readiness = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
      HealthCheck liveness = container.select(HealthCheck.class, Liveness.Literal.INSTANCE).get();
      WorldService service = container.select(WorldService.class).get();
      service.createWorldWithHistory("Earth");
      await().atMost(Duration.ofSeconds(30))
          .until(() -> liveness.call().getData().orElseThrow().get("BrokenCounter following Universe"),
              "RUNNING, lag 0"::equals);
      assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(liveness.call().getName()).isEqualTo("eventsourcing-followers");

      HealthCheckResponse ready = readiness.call();
      assertThat(ready.getName()).isEqualTo("eventsourcing-stores");
      assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      Map<String, Object> stores = ready.getData().orElseThrow();
      assertThat(stores).containsEntry("Universe", "UP").containsEntry("BrokenCounter", "UP")
          .containsOnlyKeys("Universe", "BrokenCounter", "Multiverse");
      assertThat((String) stores.get("Multiverse")).startsWith("DOWN: ").contains("Multiverse");

      service.createWorldWithHistory("broken");
      await().atMost(Duration.ofSeconds(30))
          .until(() -> liveness.call().getStatus() == HealthCheckResponse.Status.DOWN);
      Object stopped = liveness.call().getData().orElseThrow().get("BrokenCounter following Universe");
      assertThat((String) stopped).startsWith("STOPPED: ").contains("notification 2 of Universe")
          .contains("can't count a broken world");
    }
  }
}
