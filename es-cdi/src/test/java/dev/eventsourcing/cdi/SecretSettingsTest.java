package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad setting fails the deployment under its name as given, prefixed when the prefixed one was set, whichever
 * source gave it; and no message or cause shows the value of a setting named as a secret (KEY, PASSWORD, SECRET).
 */
class SecretSettingsTest {
  private static final String SECRET = "s3cr3t-value!";
  private static final String MASTER_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  static Map<String, String> settings = Map.of();

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(settings);
    }
  }

  static Stream<Arguments> badSecrets() {
    return Stream.of(
        Arguments.of(Map.of("UNIVERSE_CIPHER_KEY", SECRET),
            "application Universe: UNIVERSE_CIPHER_KEY is not valid base64"),
        Arguments.of(Map.of("CIPHER_KEY", SECRET), "application Universe: CIPHER_KEY is not valid base64"),
        Arguments.of(Map.of("UNIVERSE_CIPHER_MODE", "per-subject", "UNIVERSE_CIPHER_KEY", MASTER_KEY,
            "UNIVERSE_CIPHER_OTHER_KEYS", SECRET),
            "application Universe: UNIVERSE_CIPHER_OTHER_KEYS is not valid base64"),
        Arguments.of(Map.of("UNIVERSE_DATA_KEY_CACHE_SIZE", SECRET),
            "application Universe: UNIVERSE_DATA_KEY_CACHE_SIZE is not an integer"));
  }

  @ParameterizedTest
  @MethodSource("badSecrets")
  void aBadSecretOfTheProducedConfigIsNamedAsGivenWithoutItsValue(Map<String, String> given, String message) {
    settings = given;
    Throwable failure = catchThrowable(() -> new Weld().disableDiscovery().addExtension(new EventSourcingExtension())
        .addBeanClasses(Config.class, Universe.class).initialize().close());
    assertThat(failure).isInstanceOf(DeploymentException.class).hasMessageContaining(message);
    assertThat(stackTraceOf(failure)).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @MethodSource("badSecrets")
  void aBadSecretOfMicroProfileConfigIsNamedAsGivenWithoutItsValue(Map<String, String> given, String message) {
    settings = Map.of();
    Map<String, String> properties = new HashMap<>();
    given.forEach((setting, value) -> properties.put(
        ContainerSettings.PREFIX + setting.toLowerCase(Locale.ROOT).replace('_', '-'), value));
    org.eclipse.microprofile.config.Config config = new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "microprofile-config.properties", 100))
        .build();
    ClassLoader loader = new URLClassLoader(new URL[0], SecretSettingsTest.class.getClassLoader());
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.registerConfig(config, loader);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    Throwable failure;
    try {
      failure = catchThrowable(() -> new Weld().disableDiscovery().addExtension(new EventSourcingExtension())
          .addBeanClasses(Config.class, Universe.class).initialize().close());
    } finally {
      thread.setContextClassLoader(previous);
      resolver.releaseConfig(config);
    }
    assertThat(failure).isInstanceOf(DeploymentException.class).hasMessageContaining(message);
    assertThat(stackTraceOf(failure)).doesNotContain(SECRET);
  }

  private static String stackTraceOf(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
