package dev.eventsourcing.cdi;

import dev.eventsourcing.persistence.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code eventsourcing.} properties of MicroProfile Config in its own order: a setting's value is the one
 * of the highest-ordinal source that sets it, in whichever of its spellings. Loaded only when the API is present.
 */
final class MicroProfileSettings {
  private MicroProfileSettings() {}

  /** Where a setting was found: the property's name as spelled in the source that wins. */
  private record Found(String propertyName, ConfigSource source) {}

  /**
   * The settings named by {@code eventsourcing.} properties, with their values; {@code null} if the API has no
   * implementation here.
   *
   * @throws ConfigurationException if one source spells a setting in two ways, with different values
   */
  static @Nullable Map<String, String> read() {
    Config config;
    try {
      config = ConfigProvider.getConfig();
    } catch (IllegalStateException | ServiceConfigurationError e) {
      return null;
    }
    Map<String, Found> found = new HashMap<>();
    // The sources come highest ordinal first; a setting is taken from the first that has it.
    for (ConfigSource source : config.getConfigSources()) {
      for (String name : source.getPropertyNames()) {
        String setting = ContainerSettings.settingOf(name);
        if (setting == null) {
          continue;
        }
        Found first = found.putIfAbsent(setting, new Found(name, source));
        if (first != null && first.source() == source && !first.propertyName().equals(name)
            && !String.valueOf(source.getValue(name)).equals(String.valueOf(source.getValue(first.propertyName())))) {
          throw new ConfigurationException("MicroProfile Config source " + source.getName() + " sets " + setting
              + " twice, as " + first.propertyName() + " and as " + name + ", with different values: keep one");
        }
      }
    }
    Map<String, String> settings = new HashMap<>();
    found.forEach((setting, where) ->
        config.getOptionalValue(where.propertyName(), String.class).ifPresent(value -> settings.put(setting, value)));
    return settings;
  }
}
