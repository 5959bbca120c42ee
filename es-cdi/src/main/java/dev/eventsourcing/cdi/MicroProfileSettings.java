package dev.eventsourcing.cdi;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the {@code eventsourcing.} properties of MicroProfile Config; loaded only when its API is present. */
final class MicroProfileSettings {
  private MicroProfileSettings() {}

  /** The properties whose names start with {@code eventsourcing.}, with their values. */
  static Map<String, String> read() {
    Config config;
    try {
      config = ConfigProvider.getConfig();
    } catch (IllegalStateException | ServiceConfigurationError e) {
      return Map.of(); // the API without an implementation
    }
    Map<String, String> properties = new HashMap<>();
    for (String name : config.getPropertyNames()) {
      if (ContainerSettings.settingOf(name) != null) {
        config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
      }
    }
    return properties;
  }
}
