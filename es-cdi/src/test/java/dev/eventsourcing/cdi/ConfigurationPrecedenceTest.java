package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.persistence.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings from an {@link EventSourcingConfig} bean, MicroProfile Config (SmallRye Config reading the test class
 * path's {@code META-INF/microprofile-config.properties}), system properties and the process environment.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationPrecedenceTest {
  /** Ways to spell {@code SPELLING_<i>_<j>}: as the file spells it for {@code i}, as a system property for {@code j}. */
  private static final List<BiFunction<Integer, Integer, String>> SPELLINGS = List.of(
      (i, j) -> "spelling." + i + "." + j,
      (i, j) -> "spelling-" + i + "-" + j,
      (i, j) -> "spelling_" + i + "_" + j,
      (i, j) -> "SPELLING." + i + "." + j,
      (i, j) -> "Spelling-" + i + "." + j);

  private static final Map<String, String> PROPERTIES = properties();

  private static Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>(Map.of(
        "eventsourcing.precedence-a", "system property",
        "eventsourcing.precedence.c", "system property",
        "eventsourcing.path", "system property"));
    for (int i = 0; i < SPELLINGS.size(); i++) {
      for (int j = 0; j < SPELLINGS.size(); j++) {
        properties.put("eventsourcing." + SPELLINGS.get(j).apply(i, j), "system property");
      }
    }
    return properties;
  }

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of(
          "PRECEDENCE_A", "producer",
          "PRECEDENCE_D", "every application",
          "UNIVERSE_PRECEDENCE_D", "Universe only"));
    }
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(Universe.class, Config.class)
        .addAsServiceProvider(Extension.class, EventSourcingExtension.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject Universe universe;

  @BeforeAll
  static void setSystemProperties() {
    PROPERTIES.forEach(System::setProperty);
  }

  @AfterAll
  static void clearSystemProperties() {
    PROPERTIES.keySet().forEach(System::clearProperty);
  }

  @Test
  void eachSourceOverridesTheOnesAfterIt() {
    Environment settings = universe.environment();
    // in the producer, MicroProfile Config and a system property
    assertThat(settings.get("PRECEDENCE_A")).isEqualTo("producer");
    // in MicroProfile Config only
    assertThat(settings.get("PRECEDENCE_B")).isEqualTo("microprofile config");
    // a system property only
    assertThat(settings.get("PRECEDENCE_C")).isEqualTo("system property");
    // MicroProfile Config over the process environment's HOME, a system property over its PATH
    assertThat(System.getenv("HOME")).isNotNull();
    assertThat(settings.get("HOME")).isEqualTo("microprofile config");
    assertThat(settings.get("PATH")).isEqualTo("system property");
    // the process environment where nothing else sets a key
    assertThat(settings.get("JAVA_HOME")).isEqualTo(System.getenv("JAVA_HOME"));
  }

  @Test
  void theHighestOrdinalSourceWinsWhateverEachSourcesSpelling() {
    Environment settings = universe.environment();
    for (int i = 0; i < SPELLINGS.size(); i++) {
      for (int j = 0; j < SPELLINGS.size(); j++) {
        assertThat(settings.get("SPELLING_" + i + "_" + j))
            .as("SPELLING_%d_%d: %s in the file, %s as a system property", i, j,
                SPELLINGS.get(i).apply(i, j), SPELLINGS.get(j).apply(i, j))
            .isEqualTo("system property");
      }
    }
  }

  @Test
  void theApplicationsPrefixSelectsItsOwnSettings() {
    assertThat(universe.environment().get("PRECEDENCE_D")).isEqualTo("Universe only");
  }
}
