package dev.eventsourcing.persistence;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An application's settings: the process environment overlaid with the map given to the application. Every key
 * can be prefixed with the application's name, upper-cased, to apply to that application alone: for an application
 * named {@code Universe}, {@code UNIVERSE_PERSISTENCE_MODULE} takes precedence over {@code PERSISTENCE_MODULE}.
 * Empty values count as unset. Immutable.
 */
public final class Environment {
  private final String name;
  private final String prefix;
  private final Map<String, String> values;

  /** Settings from exactly the given map. */
  public Environment(String name, Map<String, String> values) {
    this.name = name;
    this.prefix = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    this.values = Map.copyOf(values);
  }

  /** Settings from the process environment, overlaid with {@code overrides}. */
  public static Environment fromProcess(String name, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(System.getenv());
    values.putAll(overrides);
    return new Environment(name, values);
  }

  /** The application's name, whose upper-cased form prefixes application-specific keys. */
  public String name() {
    return name;
  }

  /** The value of the prefixed key, else of the key, else {@code null}. */
  public @Nullable String get(String key) {
    String value = values.get(prefix + key);
    if (value == null || value.isEmpty()) {
      value = values.get(key);
    }
    return value == null || value.isEmpty() ? null : value;
  }

  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  /**
   * The value of a key that must be set.
   *
   * @throws ConfigurationException naming the key and what it is needed for
   */
  public String require(String key, String neededFor) {
    String value = get(key);
    if (value == null) {
      throw new ConfigurationException(key + " is not set, and is needed for " + neededFor + " (application "
          + name + "; " + prefix + key + " also works)");
    }
    return value;
  }

  /** A boolean: {@code true/yes/y/on/1} or {@code false/no/n/off/0}, in any case. */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on", "1" -> true;
      case "false", "no", "n", "off", "0" -> false;
      default -> throw new ConfigurationException(key + "='" + value + "' is not a boolean: use true or false");
    };
  }

  /** An integer between {@code min} and {@code max}. */
  public int getInt(String key, int defaultValue, int min, int max) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key + "='" + value + "' is not an integer", e);
    }
    if (parsed < min || parsed > max) {
      throw new ConfigurationException(key + "=" + parsed + " is out of range: use " + min + " to " + max);
    }
    return parsed;
  }

  /** The same settings under another application name. */
  public Environment withName(String otherName) {
    return new Environment(otherName, values);
  }

  /** The same settings with some values replaced. */
  public Environment with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Environment(name, merged);
  }

  /** Names the application; values are not shown, as they may include passwords and keys. */
  @Override
  public String toString() {
    return "Environment[" + name + "]";
  }
}
