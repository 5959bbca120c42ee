package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names of one application's tables: {@code <name>_events}, {@code <name>_snapshots}, {@code
 * <name>_tracking} and, with per-subject encryption, {@code <name>_keys}, where {@code <name>} is the application's name in lower case, optionally in a schema. Names
 * are checked against {@code [a-z_][a-z0-9_]*}, so they are safe to write into SQL.
 */
public final class TableNames {
  /** The logical names of the tables, which {@link #unqualified} prefixes. */
  public static final String EVENTS = "events";
  public static final String SNAPSHOTS = "snapshots";
  public static final String TRACKING = "tracking";
  public static final String KEYS = "keys";
  /** The counter row of the jpa store's notification ids, on databases other than PostgreSQL and SQLite. */
  public static final String COUNTER = "counter";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  /** PostgreSQL's limit on identifiers (63 bytes) less the longest suffix, {@code _events_notification_id}. */
  private static final int MAX_PREFIX_LENGTH = 63 - 23;

  private final String prefix;
  private final @Nullable String schema;

  private TableNames(String prefix, @Nullable String schema) {
    this.prefix = prefix;
    this.schema = schema;
  }

  /**
   * The tables of the environment's application.
   *
   * @param schemaKey the setting that names the schema, or {@code null} when the store has no schemas
   * @throws ConfigurationException if the application's name or the schema is not a safe identifier
   */
  public static TableNames of(Environment environment, @Nullable String schemaKey) {
    String prefix = prefixOf(environment.name());
    String schema = schemaKey == null ? null : environment.get(schemaKey);
    if (schema != null && (!IDENTIFIER.matcher(schema).matches() || schema.length() > 63)) {
      throw environment.invalid(schemaKey, "='" + schema + "' is not a schema name this library accepts: it must"
          + " match " + IDENTIFIER + " and have at most 63 characters");
    }
    return new TableNames(prefix, schema);
  }

  /**
   * The tables of the application of that name, in no schema.
   *
   * @throws ConfigurationException if the name is not a safe identifier
   */
  public static TableNames of(String applicationName) {
    return new TableNames(prefixOf(applicationName), null);
  }

  private static String prefixOf(String applicationName) {
    String prefix = applicationName.toLowerCase(Locale.ROOT);
    if (!IDENTIFIER.matcher(prefix).matches() || prefix.length() > MAX_PREFIX_LENGTH) {
      throw new ConfigurationException("application name '" + applicationName + "' can't name database tables:"
          + " in lower case it must match " + IDENTIFIER + " and have at most " + MAX_PREFIX_LENGTH
          + " characters (override Application.name())");
    }
    return prefix;
  }

  /** The events table, qualified with the schema if there is one. */
  public String events() {
    return qualified(EVENTS);
  }

  public String snapshots() {
    return qualified(SNAPSHOTS);
  }

  public String tracking() {
    return qualified(TRACKING);
  }

  /** The data keys of per-subject encryption. */
  public String keys() {
    return qualified(KEYS);
  }

  /** The unqualified name of a table, such as {@code universe_events} for {@code events}. */
  public String unqualified(String table) {
    return prefix + "_" + table;
  }

  /** The application's name in lower case, which begins the names of its tables. */
  public String prefix() {
    return prefix;
  }

  public @Nullable String schema() {
    return schema;
  }

  /** The counter of notification ids, on databases other than PostgreSQL and SQLite. */
  public String counter() {
    return qualified(COUNTER);
  }

  private String qualified(String table) {
    return schema == null ? unqualified(table) : schema + "." + unqualified(table);
  }
}
