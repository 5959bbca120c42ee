package dev.eventsourcing.cdi;

import jakarta.persistence.EntityManager;
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
 * database store ({@code PERSISTENCE_MODULE}) is set for; an {@code EntityManager} given here, such as one of {@code
 * @PersistenceContext}, holds them in its persistence unit, with the {@code jpa} store.
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
  private final @Nullable EntityManager entityManager;

  private EventSourcingConfig(Map<String, String> settings, @Nullable DataSource dataSource,
      @Nullable ThreadFactory threadFactory, @Nullable EntityManager entityManager) {
    this.settings = Map.copyOf(settings);
    this.dataSource = dataSource;
    this.threadFactory = threadFactory;
    this.entityManager = entityManager;
  }

  /** These settings, and no {@code DataSource}. */
  public static EventSourcingConfig of(Map<String, String> settings) {
    return new EventSourcingConfig(settings, null, null, null);
  }

  /**
   * The same settings with events kept in this {@code DataSource}, which the container keeps and closes, instead
   * of an {@code EntityManager} given before.
   */
  public EventSourcingConfig withDataSource(DataSource dataSource) {
    return new EventSourcingConfig(settings, Objects.requireNonNull(dataSource, "dataSource"), threadFactory, null);
  }

  /**
   * The same settings with events kept by the {@code jpa} store in the persistence unit of this container-managed
   * (JTA) {@code EntityManager}, such as one of {@code @PersistenceContext}, instead of a {@code DataSource} given
   * before: saves join the caller's JTA transaction, and commit with the deployment's own entities. The unit maps
   * the library's entities to the tables of the application it names (see {@code docs/persistence-jpa.md}), so
   * one unit serves one application: give it in a configuration {@link ForApplication} that application.
   * {@code PERSISTENCE_MODULE}, if set for the application, must be {@code jpa}. Needs {@code es-jpa}.
   */
  public EventSourcingConfig withEntityManager(EntityManager entityManager) {
    return new EventSourcingConfig(settings, null, threadFactory,
        Objects.requireNonNull(entityManager, "entityManager"));
  }

  /**
   * The same settings with the workers of the deployment's event systems, and the threads the applications' stores
   * start (such as the PostgreSQL store's session thread), on threads of this factory, such as a {@code
   * ManagedThreadFactory} the container gives by {@code @Resource}; without one, the server's factory named by the
   * {@code MANAGED_THREAD_FACTORY} setting, or its default one.
   */
  public EventSourcingConfig withThreadFactory(ThreadFactory threadFactory) {
    return new EventSourcingConfig(settings, dataSource, Objects.requireNonNull(threadFactory, "threadFactory"),
        entityManager);
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

  public @Nullable EntityManager entityManager() {
    return entityManager;
  }

  /** Names no values, as they may include passwords and keys. */
  @Override
  public String toString() {
    return "EventSourcingConfig" + settings.keySet() + (dataSource == null ? "" : " with a DataSource")
        + (entityManager == null ? "" : " with an EntityManager")
        + (threadFactory == null ? "" : " with a ThreadFactory");
  }
}
