package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An eager application's store opens when its deployment is deployed and closes when it is undeployed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifecycleArquillianTest {
  private static final String DEPLOYMENT = "eager-universe";

  /** The Universe, constructed when the container starts. */
  @EventSourcingApplication(eager = true)
  public static class EagerUniverse extends dev.eventsourcing.jpa.worlds.Universe {}

  /** The counting SQLite store, in a file of this test's own. */
  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() throws IOException {
      Path file = Files.createTempDirectory("es-cdi-lifecycle").resolve("events.db");
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "counting-sqlite", "SQLITE_DBNAME", file.toString()));
    }
  }

  @Deployment(name = DEPLOYMENT, managed = false)
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(EagerUniverse.class, Config.class)
        .addAsServiceProvider(Extension.class, EventSourcingExtension.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @ArquillianResource Deployer deployer;

  @Test
  void theStoreOpensOnDeployAndClosesOnUndeploy() {
    CountingStore.reset();
    deployer.deploy(DEPLOYMENT);
    try {
      assertThat(CountingStore.OPENED).hasValue(1);
      assertThat(CountingStore.CLOSED).hasValue(0);
    } finally {
      deployer.undeploy(DEPLOYMENT);
    }
    assertThat(CountingStore.CLOSED).hasValue(1);
  }
}
