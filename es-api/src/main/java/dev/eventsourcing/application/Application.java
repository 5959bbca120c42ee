package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.domain.PersonalData;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.DataKeys;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.EventStore;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.JacksonTranscoder;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.SnapshotStore;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.Transcoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
 *
 *   @Override
 *   protected DecodableTypes types() {
 *     return DecodableTypes.of(World.class);
 *   }
 * }
 * }</pre>
 *
 * <p>An application stores and reads only the types it declares in {@link #types()} (or its builder adds, see
 * {@link ApplicationBuilder#types}): its aggregate classes, Kotlin {@code aggregate { }} types and other payload
 * types. So another process, such as a follower, decodes its events because the application declares them, and a
 * topic read from the store never names a class it did not declare.
 *
 * <p>The persistence is configured by the environment (see {@link InfrastructureFactory} for the settings): the
 * process environment overlaid with the map given to the constructor, each key optionally prefixed with the
 * application's name in upper case. By default events are stored in memory as JSON. A bad setting given to {@link
 * #Application(Map)} fails there, in the constructor. To give the store in code (a {@code DataSource}, or an {@link
 * InfrastructureFactory}) without writing a constructor, construct the application with an {@link
 * ApplicationBuilder}: {@code Application.builder(Universe.class).dataSource(dataSource).build()}, which checks the
 * settings before the constructor runs and opens the store before it returns.
 *
 * <p>An application is made from an {@link ApplicationContext}: its name, settings and store, made and checked
 * before its constructor runs and passed to {@link #Application(ApplicationContext)}, which containers with
 * constructor injection call; the constructors without a context make one from their class. The constructor calls
 * none of the methods a subclass overrides: the store, the mapper and what they need ({@link #checkSettings}, {@link
 * #types()}, {@link #snapshottingIntervals()}, {@link #constructTranscoder()}, {@link #constructRecorder}, {@link
 * #constructFactory})
 * are made once, when the application is first used, so an override may use the subclass's fields.
 *
 * <p>{@link #Application()} reads and checks nothing: the application reads the process environment when it is
 * first used, unless a builder ({@link ApplicationBuilder#construct}) gives it its context first. So a subclass that
 * a container generates, such as a CDI client proxy, which calls that constructor and delegates its methods to the
 * instance the container constructed, opens nothing. Construct an application once and share it.
 *
 * <p>An application's methods are safe to call from many threads. Close it to release its store.
 */
public class Application implements AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(Application.class.getName());

  private final Object lock = new Object();
  private final List<Consumer<List<Long>>> saveListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<DomainEvent<?>>>> savedEventsListeners = new CopyOnWriteArrayList<>();
  /** Replaced under lock, never changed: a save iterates over it without allocating. */
  private volatile ApplicationObserver[] observers = {};
  /** Null until given, or made from the class when first used. Written under lock. */
  private volatile @Nullable ApplicationContext context;
  /** Null until the application is first used. Written under lock. */
  private volatile @Nullable Parts parts;
  /** Whether the constructor was given its context, which no builder may then replace. */
  private final boolean contextGiven;
  /** The store given to the constructor, closed with the application even if it was never opened. */
  private final @Nullable InfrastructureFactory factoryGiven;
  /** Guarded by lock. */
  private boolean closed;

  /** What an application is made of, opened once, when it is first used. */
  private record Parts(
      InfrastructureFactory factory,
      Mapper mapper,
      ApplicationRecorder recorder,
      EventStore events,
      @Nullable SnapshotStore snapshots,
      Map<Class<?>, Integer> snapshottingIntervals,
      Repository repository,
      LocalNotificationLog log) {}

  /**
   * An application configured by the process environment, which it reads and checks when it is first used (or
   * configured by the builder that constructs it).
   */
  public Application() {
    this(null, false, null);
  }

  /**
   * An application configured by the process environment overlaid with {@code environment}. Its settings are
   * parsed and checked here; a connection setting that only the store's own pool needs (such as
   * {@code POSTGRES_DBNAME} or {@code SQLITE_DBNAME}, unneeded when a {@code DataSource} is given) is checked here if
   * it is set, and found missing when the store opens that pool, on first use.
   *
   * @throws dev.eventsourcing.persistence.ConfigurationException if a setting is invalid, or missing where no store
   *     part could supply it
   */
  public Application(Map<String, String> environment) {
    this.context = ApplicationContext.of(getClass(), environment);
    this.contextGiven = false;
    this.factoryGiven = null;
  }

  /**
   * An application made from the given context, whose settings are checked already; it opens the store when it is
   * first used. Containers that construct applications with constructor injection, and subclasses that give a
   * name, a store or types in code, call this.
   */
  protected Application(ApplicationContext context) {
    this(Objects.requireNonNull(context, "context"), true, null);
  }

  /**
   * An application on the given store: {@code environment} holds exactly its settings (the process environment
   * is not read) and {@code factory}, made from them, its store. The application closes the factory when it is
   * closed.
   */
  protected Application(Environment environment, InfrastructureFactory factory) {
    this(ApplicationContext.of(environment, given -> factory, DecodableTypes.none()), true, factory);
  }

  private Application(
      @Nullable ApplicationContext context, boolean contextGiven, @Nullable InfrastructureFactory factoryGiven) {
    this.context = context;
    this.contextGiven = contextGiven;
    this.factoryGiven = factoryGiven;
  }

  /**
   * A builder of applications of the given class, constructed with its constructor without parameters (of any
   * visibility).
   */
  public static <A extends Application> ApplicationBuilder<A> builder(Class<A> type) {
    return new ApplicationBuilder<>(type);
  }

  /**
   * Gives the application the context a builder made, before it is first used, in place of the one its constructor
   * without a context made, if any, which was not used.
   */
  void useContext(ApplicationContext given) {
    synchronized (lock) {
      if (context == given) {
        return;
      }
      if (contextGiven) {
        throw new EventSourcingException("application " + name() + " of class " + getClass().getName() + " was"
            + " given its own ApplicationContext by its constructor, so it can't take its builder's settings and"
            + " store: give the class a constructor that takes the ApplicationContext and passes it on");
      }
      if (parts != null || closed) {
        throw new EventSourcingException("application " + given.name() + " of class " + getClass().getName()
            + " was used (or closed) before its builder gave it its settings and store: do not use it from its"
            + " constructor, or give it a constructor taking an ApplicationContext");
      }
      context = given;
    }
  }

  /** Opens the store, unless it is open: a bad setting fails here. */
  void open() {
    parts();
  }

  /** The context given, or else made from the class and the process environment. */
  private ApplicationContext context() {
    ApplicationContext given = context;
    if (given != null) {
      return given;
    }
    synchronized (lock) {
      if (context == null) {
        context = ApplicationContext.of(getClass(), Map.of());
      }
      return context;
    }
  }

  private Parts parts() {
    Parts opened = parts;
    if (opened != null) {
      return opened;
    }
    synchronized (lock) {
      if (parts == null) {
        if (closed) {
          throw new IllegalStateException("application " + name() + " is closed");
        }
        parts = open(context());
      }
      return parts;
    }
  }

  private Parts open(ApplicationContext context) {
    String name = context.name();
    if (!name().equals(name)) {
      throw new ConfigurationException("application " + name + " of class " + getClass().getName()
          + " overrides name() to return " + name() + ", but its settings and tables are named " + name
          + ": give the name in its context instead (Application.builder(...).name(\"" + name() + "\"))");
    }
    checkSettings(context.environment());
    InfrastructureFactory given = context.store();
    InfrastructureFactory factory = given != null ? given : constructFactory(context.environment());
    try {
      Map<Class<?>, Integer> intervals = Map.copyOf(snapshottingIntervals());
      intervals.forEach(
          (type, interval) -> {
            if (interval < 1) {
              throw new EventSourcingException(
                  "snapshotting interval of " + type.getName() + " must be positive, got " + interval);
            }
          });
      DecodableTypes types = DecodableTypes.builder()
          .add(types())
          .add(context.types())
          .add(intervals.keySet().toArray(Class<?>[]::new))
          .build();
      ApplicationRecorder recorder = constructRecorder(factory);
      Mapper mapper = factory.mapper(types, constructTranscoder(), recorder);
      EventStore events = new EventStore(mapper, recorder);
      boolean snapshotting = factory.isSnapshottingEnabled() || !intervals.isEmpty();
      SnapshotStore snapshots =
          snapshotting ? new SnapshotStore(mapper, factory.aggregateRecorder("snapshots")) : null;
      return new Parts(factory, mapper, recorder, events, snapshots, intervals,
          new Repository(name, events, snapshots), new LocalNotificationLog(recorder, logSectionSize()));
    } catch (RuntimeException e) {
      factory.close();
      throw e;
    }
  }

  /**
   * The application's name: that of its context, by default the simple name of its class, or of the nearest
   * superclass that is not anonymous. It prefixes application-specific settings and, in database stores, names the
   * application's tables. To give another name, give it in the context ({@link ApplicationBuilder#name}); an
   * override that returns another name fails when the application is first used.
   */
  public String name() {
    ApplicationContext given = context;
    return given != null ? given.name() : ApplicationContext.nameOf(getClass());
  }

  public Repository repository() {
    return parts().repository();
  }

  public NotificationLog log() {
    return parts().log();
  }

  /** The recorder of the application's events. */
  public ApplicationRecorder recorder() {
    return parts().recorder();
  }

  public EventStore events() {
    return parts().events();
  }

  public Mapper mapper() {
    return parts().mapper();
  }

  /** The store of snapshots, or {@code null} when snapshotting is not enabled. */
  public @Nullable SnapshotStore snapshots() {
    return parts().snapshots();
  }

  /** The application's settings. */
  public Environment environment() {
    return context().environment();
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
    return save((Tracking) null, aggregates);
  }

  /**
   * Saves the new events of the given aggregates and, if given, a tracking record, atomically; as {@link
   * #save(Aggregate...)} otherwise. A tracking record needs a process recorder (see {@link
   * #constructRecorder}), and is recorded even when there are no new events.
   *
   * @throws dev.eventsourcing.persistence.RecordConflictException if an aggregate is stale, or if the tracking
   *     record's upstream notification is already tracked
   */
  // Not final, as no method of an application is: CDI containers proxy applications by subclassing them.
  protected List<Long> save(@Nullable Tracking tracking, Aggregate<?>... aggregates) {
    return save(tracking, List.of(), aggregates);
  }

  /**
   * Saves the new events of the given aggregates, then the given events (each the next version of its aggregate,
   * as for {@link #saveEvents}), and, if given, a tracking record, atomically; as {@link #save(Tracking,
   * Aggregate...)} otherwise. A process application records what a policy collected with it.
   *
   * @throws dev.eventsourcing.persistence.RecordConflictException if an aggregate is stale, another save recorded
   *     one of the events' versions first, or the tracking record's upstream notification is already tracked
   */
  protected List<Long> save(
      @Nullable Tracking tracking, List<? extends DomainEvent<?>> events, Aggregate<?>... aggregates) {
    Set<Aggregate<?>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    List<DomainEvent<?>> pending = new ArrayList<>();
    Map<UUID, UUID> subjects = Map.of();
    for (Aggregate<?> aggregate : aggregates) {
      if (distinct.add(aggregate)) {
        pending.addAll(aggregate.pendingEvents());
        if (aggregate instanceof PersonalData personal && !aggregate.pendingEvents().isEmpty()) {
          if (subjects.isEmpty()) {
            subjects = new HashMap<>();
          }
          subjects.put(aggregate.id(), personal.dataSubjectId());
        }
      }
    }
    pending.addAll(events);
    if (pending.isEmpty() && tracking == null) {
      return List.of();
    }
    List<Long> ids = record(pending, tracking, subjects);
    for (Aggregate<?> aggregate : distinct) {
      int saved = aggregate.collectEvents().size();
      snapshotIfDue(aggregate, saved);
    }
    return ids;
  }

  /**
   * Saves new events atomically: all or none. Each must be the next version of its aggregate, as when events come
   * from aggregates kept as immutable values and folded by a projector (such as the Kotlin {@code aggregate}
   * builder's). Save listeners are called as for {@link #save(Aggregate[])}.
   *
   * @return the notification ids of the saved events, in order
   * @throws dev.eventsourcing.persistence.RecordConflictException if another save recorded one of the versions first
   */
  public List<Long> saveEvents(List<? extends DomainEvent<?>> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    return record(events, null, Map.of());
  }

  /**
   * Calls {@code listener} after each save that recorded events, on the saving thread and before {@code save}
   * returns, with their notification ids; runners of systems use this to prompt followers (a {@link
   * dev.eventsourcing.system.SingleThreadedRunner}'s listener processes downstream before it returns). A listener
   * must not throw: what it throws reaches the caller of {@code save}, whose events are saved all the same.
   */
  public void addSaveListener(Consumer<List<Long>> listener) {
    saveListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Calls {@code listener} after each save that recorded events, with those events in the order they were stored,
   * as {@link #addSaveListener} calls its listeners: on the saving thread, before {@code save} returns, and so,
   * where the save joined a caller's transaction, before that transaction ends. es-cdi uses this to fire the saved
   * events as CDI events once the transaction has committed. A listener must not throw.
   */
  public void addSavedEventsListener(Consumer<List<DomainEvent<?>>> listener) {
    savedEventsListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Tells {@code observer} of each save and conflict from now on, as {@link ApplicationObserver} describes; metrics
   * use this. An application without observers pays nothing for them.
   */
  public void addObserver(ApplicationObserver observer) {
    Objects.requireNonNull(observer, "observer");
    synchronized (lock) {
      ApplicationObserver[] added = Arrays.copyOf(observers, observers.length + 1);
      added[observers.length] = observer;
      observers = added;
    }
  }

  /**
   * Forgets a data subject (crypto-shredding): destroys the data key of per-subject encryption ({@code
   * CIPHER_MODE=per-subject}) that encrypts the events and snapshots of every aggregate of the subject (see {@link
   * PersonalData}). Afterwards the repository raises {@link AggregateErasedException} for those aggregates, the
   * notification log still lists their events, each decoded as an {@link dev.eventsourcing.domain.ErasedEvent},
   * and nothing more can be saved for the subject. Forgetting a subject again, or one with nothing saved, is
   * allowed; it can't be undone.
   *
   * <p>What was copied out of the store is not erased: decrypted events in projections, caches or logs, and old
   * key records in database backups and write-ahead logs, which the master key can still unwrap.
   *
   * @throws ConfigurationException if the application does not encrypt per subject
   */
  public void forget(UUID subjectId) {
    dataKeys("forget a data subject").forget(subjectId);
  }

  /**
   * Rewraps up to {@code limit} data keys that another master key ({@code CIPHER_OTHER_KEYS}) wraps with the
   * current one ({@code CIPHER_KEY}), in one transaction; events are not rewritten. Call it until it returns 0 to
   * rotate the master key; a rotation that stopped resumes where it was.
   *
   * @return how many keys were found to rewrap
   * @throws ConfigurationException if the application does not encrypt per subject
   * @throws dev.eventsourcing.persistence.MasterKeyException if a key is wrapped by a master key that is not configured
   */
  public int rewrapDataKeys(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return dataKeys("rewrap data keys").rewrap(limit);
  }

  private DataKeys dataKeys(String toDo) {
    DataKeys keys = parts().mapper().dataKeys();
    if (keys == null) {
      throw new ConfigurationException("application " + name() + " can't " + toDo + ": it does not encrypt per"
          + " subject (set " + InfrastructureFactory.CIPHER_MODE + "=per-subject)");
    }
    return keys;
  }

  /** Records events, and the tracking record if given, then tells the save listeners. */
  private List<Long> record(
      List<? extends DomainEvent<?>> events, @Nullable Tracking tracking, Map<UUID, UUID> subjects) {
    SaveEvent saving = FlightRecorder.AVAILABLE ? SaveEvent.start() : null;
    ApplicationObserver[] observing = observers;
    long began = observing.length == 0 ? 0 : System.nanoTime();
    List<Long> ids;
    try {
      ids = parts().events().put(events, tracking, subjects);
    } catch (RecordConflictException conflict) {
      if (FlightRecorder.AVAILABLE) {
        ConflictEvent.commit(name(), events.size(), tracking, conflict);
      }
      for (ApplicationObserver observer : observing) {
        observer.conflicted(this, conflict);
      }
      throw conflict;
    }
    if (saving != null) {
      saving.end(name(), events.size(), ids, tracking);
    }
    if (observing.length > 0) {
      long nanos = System.nanoTime() - began;
      for (ApplicationObserver observer : observing) {
        observer.saved(this, events.size(), nanos);
      }
    }
    if (!ids.isEmpty()) {
      saveListeners.forEach(listener -> listener.accept(ids));
      if (!savedEventsListeners.isEmpty()) {
        List<DomainEvent<?>> saved = List.copyOf(events);
        savedEventsListeners.forEach(listener -> listener.accept(saved));
      }
    }
    return ids;
  }

  /** Stores a snapshot of an aggregate's current state. Snapshotting must be enabled. */
  public void takeSnapshot(UUID id) {
    snapshotStore().put(repository().get(id));
  }

  /** Stores a snapshot of an aggregate's state at a version. Snapshotting must be enabled. */
  public void takeSnapshot(UUID id, int version) {
    Aggregate<?> aggregate = repository().get(id, version);
    if (aggregate.version() != version) {
      throw new EventSourcingException("aggregate " + id + " in application " + name() + " has no version " + version
          + " (its latest is " + aggregate.version() + ")");
    }
    snapshotStore().put(aggregate);
  }

  /** Releases the application's store. */
  @Override
  public void close() {
    Parts opened;
    synchronized (lock) {
      closed = true;
      opened = parts;
    }
    if (opened != null) {
      opened.factory().close();
    } else if (factoryGiven != null) {
      factoryGiven.close();
    }
  }

  /**
   * How often aggregates of each class are snapshotted automatically: after a save that brings an aggregate's
   * version to or past a multiple of its class's interval. Empty by default; a non-empty map enables snapshotting.
   * It is called once, when the application is first used.
   */
  protected Map<Class<? extends Aggregate<?>>, Integer> snapshottingIntervals() {
    return Map.of();
  }

  /**
   * The types this application stores and reads: its aggregate classes (with their payload types), Kotlin {@code
   * aggregate { }} types, other payload types, and the aliases of renamed classes. None unless overridden; the
   * classes of {@link #snapshottingIntervals()} and those an {@link ApplicationBuilder} adds are added to them.
   * Saving an event of an undeclared type fails, and so does reading a stored topic that names none of them. It is
   * called once, when the application is first used.
   */
  protected DecodableTypes types() {
    return DecodableTypes.none();
  }

  /** The transcoder of stored events; override to register Jackson modules for custom value types. */
  protected Transcoder constructTranscoder() {
    return new JacksonTranscoder();
  }

  /** The largest section {@link #log()} returns; Python's default of 10 unless overridden. */
  protected int logSectionSize() {
    return LocalNotificationLog.DEFAULT_SECTION_SIZE;
  }

  /**
   * Parses the settings a subclass reads besides the application's own, called once when the application is first
   * used, before its store is made: a bad one fails there, with the store's. A subclass whose constructor takes a
   * {@code Map} or a context parses them in the constructor as well, so that they fail there. Does nothing by
   * default.
   *
   * @throws ConfigurationException naming the application and the setting as given
   */
  protected void checkSettings(Environment environment) {}

  /**
   * The store's factory, from the environment, called once when the application is first used; not called when
   * the application's context gives a factory or {@code DataSource}.
   */
  protected InfrastructureFactory constructFactory(Environment environment) {
    return InfrastructureFactory.construct(environment);
  }

  /** The recorder of this application's events; process applications use a process recorder. */
  protected ApplicationRecorder constructRecorder(InfrastructureFactory factory) {
    return factory.applicationRecorder();
  }

  private void snapshotIfDue(Aggregate<?> aggregate, int savedEvents) {
    Integer interval = parts().snapshottingIntervals().get(aggregate.getClass());
    SnapshotStore snapshots = parts().snapshots();
    if (interval == null || snapshots == null || savedEvents == 0) {
      return;
    }
    int version = aggregate.version();
    if (version / interval > (version - savedEvents) / interval) {
      try {
        snapshots.put(aggregate);
      } catch (RuntimeException e) {
        // The events are saved; a snapshot is only a cache of them, so its failure must not fail the save.
        LOGGER.log(System.Logger.Level.WARNING, "application " + name() + " could not snapshot aggregate "
            + aggregate.id() + " at version " + version + ": " + e.getClass().getName(), e);
      }
    }
  }

  private SnapshotStore snapshotStore() {
    SnapshotStore snapshots = parts().snapshots();
    if (snapshots == null) {
      throw new EventSourcingException("application " + name() + " does not keep snapshots: set "
          + InfrastructureFactory.IS_SNAPSHOTTING_ENABLED + "=true, or declare snapshottingIntervals()");
    }
    return snapshots;
  }
}
