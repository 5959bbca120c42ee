package dev.eventsourcing.persistence;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * An application's settings: the process environment overlaid with the map given to the application. Every key
 * can be prefixed with the application's name, upper-cased, to apply to that application alone: for an application
 * named {@code Universe}, {@code UNIVERSE_PERSISTENCE_MODULE} takes precedence over {@code PERSISTENCE_MODULE}.
 * Empty values count as unset. Besides its settings, it may give the threads that the application's store starts
 * ({@link #threads()}), such as a server's {@code ManagedThreadFactory}. Immutable.
 */
public final class Environment {
  private final String name;
  private final String prefix;
  private final Map<String, String> values;
  private final @Nullable ThreadFactory threads;

  /** Settings from exactly the given map. */
  public Environment(String name, Map<String, String> values) {
    this(name, Map.copyOf(values), null);
  }

  private Environment(String name, Map<String, String> values, @Nullable ThreadFactory threads) {
    this.name = name;
    this.prefix = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    this.values = values;
    this.threads = threads;
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
    String value = values.get(given(key));
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * The name under which a key's value is given: the prefixed key ({@code UNIVERSE_CIPHER_KEY}) when that is set,
   * otherwise the key itself. Messages about a setting name it so.
   */
  public String given(String key) {
    String value = values.get(prefix + key);
    return value == null || value.isEmpty() ? key : prefix + key;
  }

  /**
   * The failure of a setting that is not valid: its message names the application and the key as {@linkplain
   * #given given}, followed by {@code problem}, and never the key's value unless {@code problem} shows it. {@code
   * problem} may start with {@code =} to show a value that is not secret ({@code "='XA' is not a transaction
   * type"}); otherwise it follows the key after a space ({@code "is not valid base64"}).
   */
  public ConfigurationException invalid(String key, String problem) {
    return new ConfigurationException(describe(key, problem));
  }

  /** As {@link #invalid(String, String)}, caused by {@code cause}. */
  public ConfigurationException invalid(String key, String problem, Throwable cause) {
    return new ConfigurationException(describe(key, problem), cause);
  }

  private String describe(String key, String problem) {
    return "application " + name + ": " + given(key) + (problem.startsWith("=") ? "" : " ") + problem;
  }

  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  /**
   * The value of a key that must be set.
   *
   * @throws ConfigurationException naming the application, the key and what it is needed for
   */
  public String require(String key, String neededFor) {
    String value = get(key);
    if (value == null) {
      throw new ConfigurationException("application " + name + ": " + key + " is not set, and is needed for "
          + neededFor + " (" + prefix + key + " also works)");
    }
    return value;
  }

  /**
   * A boolean: {@code true/yes/y/on/1} or {@code false/no/n/off/0}, in any case.
   *
   * @throws ConfigurationException as {@link #invalid} makes it, showing the bad value: not for secret keys
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on", "1" -> true;
      case "false", "no", "n", "off", "0" -> false;
      default -> throw invalid(key, "='" + value + "' is not a boolean: use true or false");
    };
  }

  /**
   * An integer between {@code min} and {@code max}.
   *
   * @throws ConfigurationException as {@link #invalid} makes it, showing the bad value: not for secret keys
   */
  public int getInt(String key, int defaultValue, int min, int max) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "='" + value + "' is not an integer", e);
    }
    if (parsed < min || parsed > max) {
      throw invalid(key, "=" + parsed + " is out of range: use " + min + " to " + max);
    }
    return parsed;
  }

  /** The same settings under another application name. */
  public Environment withName(String otherName) {
    return new Environment(otherName, values, threads);
  }

  /** The same settings with some values replaced. */
  public Environment with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Environment(name, Map.copyOf(merged), threads);
  }

  /** The same settings, with the store's threads made by {@code threads}. */
  public Environment withThreads(ThreadFactory threads) {
    return new Environment(name, values, Objects.requireNonNull(threads, "threads"));
  }

  /**
   * Where the threads that the application's store starts for itself come from (such as the PostgreSQL store's
   * session thread, which listens for notifications and holds leases): a server's {@code ManagedThreadFactory},
   * say; {@code null} if none was given, and the store makes daemon threads of its own.
   */
  public @Nullable ThreadFactory threads() {
    return threads;
  }

  /** Names the application; values are not shown, as they may include passwords and keys. */
  @Override
  public String toString() {
    return "Environment[" + name + "]";
  }
}
