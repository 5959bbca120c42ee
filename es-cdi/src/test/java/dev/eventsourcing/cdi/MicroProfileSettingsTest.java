package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/** MicroProfile Config's sources in their ordinal order, on configurations built here for one class loader each. */
class MicroProfileSettingsTest {
  private static <T> T withConfig(Config config, Supplier<T> work) {
    ClassLoader loader = new URLClassLoader(new URL[0], MicroProfileSettingsTest.class.getClassLoader());
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.registerConfig(config, loader);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
      resolver.releaseConfig(config);
    }
  }

  private static PropertiesConfigSource source(String name, int ordinal, Map<String, String> properties) {
    return new PropertiesConfigSource(properties, name, ordinal);
  }

  @Test
  void aSettingTakesTheValueOfTheHighestOrdinalSourceThatSpellsItAnyWay() {
    Config config = new SmallRyeConfigBuilder()
        .withSources(
            source("low", 50, Map.of("eventsourcing.universe.cipher-key", "low", "eventsourcing.only.low", "low")),
            source("file", 100, Map.of("EVENTSOURCING.UNIVERSE.CIPHER.KEY", "file")),
            source("server", 500, Map.of("eventsourcing.persistence_module", "server")),
            source("env", 300, Map.of("eventsourcing.Persistence-Module", "env", "eventsourcing.universe_cipher_key",
                "env")))
        .build();

    Map<String, String> settings = withConfig(config, MicroProfileSettings::read);

    assertThat(settings).containsOnly(
        Map.entry("PERSISTENCE_MODULE", "server"),
        Map.entry("UNIVERSE_CIPHER_KEY", "env"),
        Map.entry("ONLY_LOW", "low"));
  }

  @Test
  void oneSourceSpellingASettingTwiceWithTwoValuesIsRefusedWithoutShowingThem() {
    Config config = new SmallRyeConfigBuilder()
        .withSources(source("file", 100, Map.of(
            "eventsourcing.universe.cipher-key", "c2VjcmV0LW9uZQ==",
            "eventsourcing.universe.cipher.key", "c2VjcmV0LXR3bw==")))
        .build();

    assertThatThrownBy(() -> withConfig(config, MicroProfileSettings::read))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("UNIVERSE_CIPHER_KEY")
        .hasMessageContaining("eventsourcing.universe.cipher-key")
        .hasMessageContaining("eventsourcing.universe.cipher.key")
        .hasMessageNotContaining("c2VjcmV0");
  }
}
