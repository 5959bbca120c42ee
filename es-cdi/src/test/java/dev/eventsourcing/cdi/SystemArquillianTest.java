package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployment with a system: its runner starts with the deployment, and its applications are injected. */
@ExtendWith(ArquillianExtension.class)
class SystemArquillianTest {
  @ApplicationScoped
  public static class Pipes {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of(
          "PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", SqliteFileConfig.FILE.resolveSibling("system.db").toString()));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(Universe.class, WorldCounter.class, WorldService.class, Pipes.class)
        .addAsServiceProvider(Extension.class, EventSourcingExtension.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject WorldService service;
  @Inject WorldCounter counter;
  @Inject Runner runner;

  @Test
  void theRunnerRunsWithTheDeploymentAndItsApplicationsAreInjected() {
    service.createWorldWithHistory("Earth", "dinosaurs");
    service.createWorldWithHistory("Mars");
    await().atMost(Duration.ofSeconds(30)).until(() -> counter.counted() == 2);
    assertThat(runner.get(Universe.class).recorder()).isSameAs(service.universe().recorder());
    assertThat(runner.get(WorldCounter.class).recorder()).isSameAs(counter.recorder());
  }
}
