package dev.eventsourcing.cdi;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Settings for the applications of a container, given in code: produce one bean of this type, and its settings take
 * precedence over every other source. A setting applies to every application, or, prefixed with an application's
 * name in upper case ({@code UNIVERSE_PERSISTENCE_MODULE}), to that application alone. A {@code DataSource} given
 * here, such as one the container gives by {@code @Resource}, holds the events of every application that a
 * database store ({@code PERSISTENCE_MODULE}) is set for.
 *
 * <pre>{@code
 * @Resource(lookup = "java:jboss/datasources/Events")
 * DataSource events;
 *
 * @Produces
 * EventSourcingConfig config() {
 *   return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "postgres")).withDataSource(events);
 * }
 * }</pre>
 */
public final class EventSourcingConfig {
  private final Map<String, String> settings;
  private final @Nullable DataSource dataSource;
  private final @Nullable ThreadFactory threadFactory;

  private EventSourcingConfig(Map<String, String> settings, @Nullable DataSource dataSource,
      @Nullable ThreadFactory threadFactory) {
    this.settings = Map.copyOf(settings);
    this.dataSource = dataSource;
    this.threadFactory = threadFactory;
  }

  /** These settings, and no {@code DataSource}. */
  public static EventSourcingConfig of(Map<String, String> settings) {
    return new EventSourcingConfig(settings, null, null);
  }

  /** The same settings with events kept in this {@code DataSource}, which the container keeps and closes. */
  public EventSourcingConfig withDataSource(DataSource dataSource) {
    return new EventSourcingConfig(settings, Objects.requireNonNull(dataSource, "dataSource"), threadFactory);
  }

  /**
   * The same settings with the workers of the deployment's event systems, and the threads the applications' stores
   * start (such as the PostgreSQL store's session thread), on threads of this factory, such as a {@code
   * ManagedThreadFactory} the container gives by {@code @Resource}; without one, the server's factory named by the
   * {@code MANAGED_THREAD_FACTORY} setting, or its default one.
   */
  public EventSourcingConfig withThreadFactory(ThreadFactory threadFactory) {
    return new EventSourcingConfig(settings, dataSource, Objects.requireNonNull(threadFactory, "threadFactory"));
  }

  public Map<String, String> settings() {
    return settings;
  }

  public @Nullable DataSource dataSource() {
    return dataSource;
  }

  public @Nullable ThreadFactory threadFactory() {
    return threadFactory;
  }

  /** Names no values, as they may include passwords and keys. */
  @Override
  public String toString() {
    return "EventSourcingConfig" + settings.keySet() + (dataSource == null ? "" : " with a DataSource")
        + (threadFactory == null ? "" : " with a ThreadFactory");
  }
}
