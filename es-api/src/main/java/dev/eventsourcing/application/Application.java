package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.EventStore;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.JacksonTranscoder;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.SnapshotStore;
import dev.eventsourcing.persistence.Transcoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The base class of event-sourced applications (a bounded context): it saves aggregates' new events atomically,
 * rebuilds aggregates through its {@link #repository()}, and presents all its events, in the order they were
 * stored, as a {@link #log()}.
 *
 * <p>Subclasses add command and query methods:
 *
 * <pre>{@code
 * public class Universe extends Application {
 *   public UUID createWorld(String name) {
 *     World world = new World(name);
 *     save(world);
 *     return world.id();
 *   }
 * }
 * }</pre>
 *
 * <p>The persistence is configured by the environment (see {@link InfrastructureFactory} for the settings): the
 * process environment overlaid with the map given to the constructor, each key optionally prefixed with the
 * application's name in upper case. By default events are stored in memory as JSON. A bad setting fails here, in
 * the constructor.
 *
 * <p>An application's methods are safe to call from many threads. Close it to release its store.
 */
public class Application implements AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(Application.class.getName());

  private final String name;
  private final Environment environment;
  private final InfrastructureFactory factory;
  private final Mapper mapper;
  private final ApplicationRecorder recorder;
  private final EventStore events;
  private final @Nullable SnapshotStore snapshots;
  private final Map<Class<?>, Integer> snapshottingIntervals;
  private final Repository repository;
  private final LocalNotificationLog log;

  /** An application configured by the process environment. */
  public Application() {
    this(Map.of());
  }

  /**
   * An application configured by the process environment overlaid with {@code environment}.
   *
   * @throws dev.eventsourcing.persistence.ConfigurationException if a setting is missing or invalid
   */
  public Application(Map<String, String> environment) {
    this.name = name();
    this.environment = Environment.fromProcess(name, environment);
    this.factory = constructFactory(this.environment);
    try {
      this.snapshottingIntervals = Map.copyOf(snapshottingIntervals());
      snapshottingIntervals.forEach(
          (type, interval) -> {
            if (interval < 1) {
              throw new EventSourcingException(
                  "snapshotting interval of " + type.getName() + " must be positive, got " + interval);
            }
            Topics.register(type);
          });
      this.mapper = factory.mapper(constructTranscoder());
      this.recorder = constructRecorder(factory);
      this.events = new EventStore(mapper, recorder);
      boolean snapshotting = factory.isSnapshottingEnabled() || !snapshottingIntervals.isEmpty();
      this.snapshots = snapshotting ? new SnapshotStore(mapper, factory.aggregateRecorder("snapshots")) : null;
      this.repository = new Repository(name, events, snapshots);
      this.log = new LocalNotificationLog(recorder, logSectionSize());
    } catch (RuntimeException e) {
      factory.close();
      throw e;
    }
  }

  /**
   * The application's name: its class's simple name unless overridden. It prefixes application-specific settings
   * and, in database stores, names the application's tables. An override must return a constant: it is called
   * during construction.
   */
  public String name() {
    Class<?> type = getClass();
    while (type.getSimpleName().isEmpty()) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
  }

  public Repository repository() {
    return repository;
  }

  public NotificationLog log() {
    return log;
  }

  /** The recorder of the application's events. */
  public ApplicationRecorder recorder() {
    return recorder;
  }

  public EventStore events() {
    return events;
  }

  public Mapper mapper() {
    return mapper;
  }

  /** The store of snapshots, or {@code null} when snapshotting is not enabled. */
  public @Nullable SnapshotStore snapshots() {
    return snapshots;
  }

  /** The application's settings. */
  public Environment environment() {
    return environment;
  }

  /**
   * Saves the new events of the given aggregates atomically: all the events of all the aggregates, or none. On
   * success the aggregates' pending events are cleared; on failure they stay pending.
   *
   * @return the notification ids of the saved events, in order
   * @throws dev.eventsourcing.persistence.RecordConflictException if an aggregate is stale: another save recorded
   *     one of its versions first
   */
  public List<Long> save(Aggregate<?>... aggregates) {
    Set<Aggregate<?>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    List<DomainEvent<?>> pending = new ArrayList<>();
    for (Aggregate<?> aggregate : aggregates) {
      if (distinct.add(aggregate)) {
        pending.addAll(aggregate.pendingEvents());
      }
    }
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Long> ids = events.put(pending);
    for (Aggregate<?> aggregate : distinct) {
      int saved = aggregate.collectEvents().size();
      snapshotIfDue(aggregate, saved);
    }
    return ids;
  }

  /** Stores a snapshot of an aggregate's current state. Snapshotting must be enabled. */
  public void takeSnapshot(UUID id) {
    snapshotStore().put(repository.get(id));
  }

  /** Stores a snapshot of an aggregate's state at a version. Snapshotting must be enabled. */
  public void takeSnapshot(UUID id, int version) {
    Aggregate<?> aggregate = repository.get(id, version);
    if (aggregate.version() != version) {
      throw new EventSourcingException("aggregate " + id + " in application " + name + " has no version " + version
          + " (its latest is " + aggregate.version() + ")");
    }
    snapshotStore().put(aggregate);
  }

  /** Releases the application's store. */
  @Override
  public void close() {
    factory.close();
  }

  /**
   * How often aggregates of each class are snapshotted automatically: after a save that brings an aggregate's
   * version to or past a multiple of its class's interval. Empty by default; a non-empty map enables snapshotting.
   * An override must return a constant: it is called during construction.
   */
  protected Map<Class<? extends Aggregate<?>>, Integer> snapshottingIntervals() {
    return Map.of();
  }

  /** The transcoder of stored events; override to register Jackson modules for custom value types. */
  protected Transcoder constructTranscoder() {
    return new JacksonTranscoder();
  }

  /** The largest section {@link #log()} returns; Python's default of 10 unless overridden. */
  protected int logSectionSize() {
    return LocalNotificationLog.DEFAULT_SECTION_SIZE;
  }

  /** The store's factory, from the environment. */
  protected InfrastructureFactory constructFactory(Environment environment) {
    return InfrastructureFactory.construct(environment);
  }

  /** The recorder of this application's events; process applications use a process recorder. */
  protected ApplicationRecorder constructRecorder(InfrastructureFactory factory) {
    return factory.applicationRecorder();
  }

  private void snapshotIfDue(Aggregate<?> aggregate, int savedEvents) {
    Integer interval = snapshottingIntervals.get(aggregate.getClass());
    if (interval == null || snapshots == null || savedEvents == 0) {
      return;
    }
    int version = aggregate.version();
    if (version / interval > (version - savedEvents) / interval) {
      try {
        snapshots.put(aggregate);
      } catch (RuntimeException e) {
        // The events are saved; a snapshot is only a cache of them, so its failure must not fail the save.
        LOGGER.log(System.Logger.Level.WARNING, "application " + name + " could not snapshot aggregate "
            + aggregate.id() + " at version " + version + ": " + e.getClass().getName(), e);
      }
    }
  }

  private SnapshotStore snapshotStore() {
    if (snapshots == null) {
      throw new EventSourcingException("application " + name + " does not keep snapshots: set "
          + InfrastructureFactory.IS_SNAPSHOTTING_ENABLED + "=true, or declare snapshottingIntervals()");
    }
    return snapshots;
  }
}
