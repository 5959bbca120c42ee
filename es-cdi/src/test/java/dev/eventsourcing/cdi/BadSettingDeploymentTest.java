package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Deployments that a bad setting or a misplaced annotation fails, with a message that names the fix. */
class BadSettingDeploymentTest {
  @TempDir Path directory;

  static Map<String, String> settings = Map.of();
  static @Nullable DataSource dataSource;

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      EventSourcingConfig config = EventSourcingConfig.of(settings);
      return dataSource == null ? config : config.withDataSource(dataSource);
    }
  }

  @AfterEach
  void noDataSource() {
    dataSource = null;
  }

  /** An application constructed when the container starts. */
  @EventSourcingApplication(eager = true)
  public static class Eager extends dev.eventsourcing.application.Application {}

  @EventSourcingApplication
  public static class NotAnApplication {}

  private static Weld weld(Class<?>... beans) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension()).addBeanClass(Config.class)
        .addBeanClasses(beans).property("org.jboss.weld.construction.relaxed", false);
  }

  @Test
  void anUnknownStoreFailsTheDeploymentOfALazyApplication() {
    settings = Map.of("PERSISTENCE_MODULE", "nosuchstore");
    assertThatThrownBy(() -> weld(Universe.class).initialize().close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("event-sourced application " + Universe.class.getName() + " can't be deployed")
        .hasMessageContaining("PERSISTENCE_MODULE='nosuchstore' names no store");
  }

  @Test
  void aBadCipherKeyFailsTheDeploymentOfALazyApplication() {
    settings = Map.of("CIPHER_KEY", "not base64!");
    assertThatThrownBy(() -> weld(Universe.class).initialize().close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("CIPHER_KEY")
        .hasMessageNotContaining("not base64!");
  }

  @Test
  void aBadSettingWithThePrefixFailsTheDeploymentOfALazyApplicationNamingThePrefixedKeyNotItsValue() {
    String key = "not base64!";
    settings = Map.of("UNIVERSE_CIPHER_KEY", key);
    assertThatThrownBy(() -> weld(Universe.class).initialize().close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("application Universe: UNIVERSE_CIPHER_KEY is not valid base64")
        .hasMessageNotContaining(key);
  }

  @Test
  void aBadProcessingSettingFailsTheDeploymentOfALazyProcessApplication() {
    settings = Map.of("WORLDCOUNTER_PROCESSING_BATCH_SIZE", "0");
    assertThatThrownBy(() -> weld(Universe.class, WorldCounter.class).initialize().close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("event-sourced application " + WorldCounter.class.getName() + " can't be deployed")
        .hasMessageContaining("application WorldCounter: WORLDCOUNTER_PROCESSING_BATCH_SIZE=0 is out of range");
  }

  @Test
  void aStoresOwnMissingSettingFailsTheDeploymentOfAnEagerApplication() {
    settings = Map.of("PERSISTENCE_MODULE", "sqlite");
    assertThatThrownBy(() -> weld(Eager.class).initialize().close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("event-sourced application " + Eager.class.getName() + " can't be deployed")
        .hasMessageContaining("SQLITE_DBNAME is not set");
  }

  @Test
  void theSameSettingIsOnlyCheckedOnFirstUseOfALazyApplication() {
    settings = Map.of("PERSISTENCE_MODULE", "sqlite");
    try (WeldContainer container = weld(Universe.class).initialize()) {
      Universe universe = container.select(Universe.class).get();
      assertThatThrownBy(universe::recorder).hasMessageContaining("SQLITE_DBNAME is not set");
    }
  }

  @Test
  void theAnnotationOnAClassThatIsNoApplicationIsADefinitionError() {
    settings = Map.of();
    assertThatThrownBy(() -> weld(NotAnApplication.class).initialize().close())
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("@EventSourcingApplication is on " + NotAnApplication.class.getName());
  }

  @Test
  void aLazyApplicationGivenADataSourceNeedsNoDatabaseSetting() {
    SQLiteDataSource events = new SQLiteDataSource();
    events.setUrl("jdbc:sqlite:" + directory.resolve("given.db"));
    dataSource = events;
    settings = Map.of("PERSISTENCE_MODULE", "sqlite");
    try (WeldContainer container = weld(Universe.class).initialize()) {
      assertThat(container.select(Universe.class).get().name()).isEqualTo("Universe");
    }
  }

  @Test
  void aGoodSettingDeploys() {
    settings = Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", directory.resolve("events.db").toString());
    try (WeldContainer container = weld(Eager.class).initialize()) {
      assertThat(container.select(Eager.class).get().name()).isEqualTo("Eager");
    }
  }
}
