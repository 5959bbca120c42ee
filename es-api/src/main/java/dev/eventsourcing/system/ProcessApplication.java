package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * An application that follows upstream applications (its leaders) through their notification logs and turns
 * their events into events of its own, with its {@link #policy}. Each upstream notification is processed exactly
 * once: the events the policy produced and a {@link Tracking} record of the notification are recorded in one
 * transaction of the {@link ProcessRecorder}, and processing resumes after the highest tracked notification, so
 * neither a restart nor a crash, nor a second process running the same application on the same database,
 * processes a notification twice or skips one.
 *
 * <pre>{@code
 * public class Reservations extends ProcessApplication {
 *   @Override
 *   protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
 *     if (event.payload() instanceof Order.Created created) {
 *       processing.collectEvents(new Reservation(event.originatorId(), created.item()));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A runner ({@link SingleThreadedRunner}, {@link MultiThreadedRunner}) connects process applications to their
 * leaders as an {@link EventSystem} declares, and prompts them; {@link #follow} and {@link #pullAndProcess} do the
 * same by hand.
 *
 * <p>The settings are those of {@link Application}, and those of {@link ProcessingSettings}, checked with the
 * others (a bad one fails where they do), each optionally prefixed with the application's name:
 *
 * <ul>
 *   <li>{@value #PROCESSING_BATCH_SIZE}: at most how many upstream notifications are processed in one transaction,
 *       with one tracking record of the last of them (default {@value ProcessingSettings#DEFAULT_BATCH_SIZE}, at
 *       most {@value #PAGE_SIZE}). A batch is what the upstream log holds, up to that size: the follower never
 *       waits to fill one. Larger batches commit less often. While a batch is processed, the {@link #repository()}
 *       answers the policy's gets of an aggregate's current state, on the processing thread, with the aggregate
 *       that the policies of the batch's earlier notifications collected, pending events included (see {@link
 *       dev.eventsourcing.application.Repository#answeringFrom}): a policy sees what the batch did so far, as it
 *       would with batches of 1.
 *   <li>{@value ProcessingSettings#PROCESSING_RETRY_DELAY_MILLIS} (default 100) and {@value
 *       ProcessingSettings#PROCESSING_MAX_RETRY_DELAY_MILLIS} (default 10000): a transient failure (an {@link
 *       dev.eventsourcing.persistence.OperationalException}, such as a lost connection, a database server that is
 *       down or restarting, or a lock timeout) while selecting upstream notifications, processing them (the
 *       policy's own reads included) or recording the results is retried, for as long as processing goes on, after
 *       a delay that starts at the first value and doubles after each failure in a row up to the second. The
 *       follower logs a warning when such failures start and a message at INFO when it works again, and does not
 *       stop; what it processes stays exactly once. Any other failure stops it, as a {@link ProcessingException}.
 * </ul>
 *
 * <p>Processing is safe to prompt from many threads: one application processes one batch at a time.
 */
public abstract class ProcessApplication extends Application {
  public static final String PROCESSING_BATCH_SIZE = ProcessingSettings.PROCESSING_BATCH_SIZE;

  /** How many upstream notifications are selected at a time. */
  public static final int PAGE_SIZE = 500;

  private final Map<String, FollowerLoop> upstreams = new ConcurrentHashMap<>();
  private final Object processing = new Object();
  private volatile @Nullable ProcessingSettings settings;
  /** Replaced under {@code upstreams}' lock, never changed. */
  private volatile FollowerObserver observer = FollowerLoop.NO_OBSERVER;
  /** Whether this process holds the lease, null until a worker first takes or misses it. */
  private volatile @Nullable Boolean leaseHeld;

  /** The upstream application a process application follows: where its notifications are and how to decode them. */
  private record Upstream(String name, ApplicationRecorder recorder, Mapper mapper) {}

  /**
   * A process application configured by the process environment, which it reads and checks when it is first used
   * (or configured by the builder that constructs it), as {@link Application#Application()}.
   */
  public ProcessApplication() {
    super();
  }

  /**
   * A process application configured by the process environment overlaid with {@code environment}.
   *
   * @throws dev.eventsourcing.persistence.ConfigurationException if a setting is missing or invalid
   */
  public ProcessApplication(Map<String, String> environment) {
    super(environment);
    // Application's own, not an override: the constructor calls nothing a subclass overrides.
    settings = ProcessingSettings.parse(super.environment());
  }

  /**
   * A process application made from the given context, as {@link Application#Application(ApplicationContext)}.
   *
   * @throws dev.eventsourcing.persistence.ConfigurationException if a processing setting is invalid
   */
  protected ProcessApplication(ApplicationContext context) {
    super(context);
    settings = ProcessingSettings.parse(context.environment());
  }

  /** The settings of its processing, read from its environment once. */
  public ProcessingSettings processingSettings() {
    ProcessingSettings parsed = settings;
    if (parsed == null) {
      // Parsing is repeatable, so threads that race here agree on the result.
      parsed = ProcessingSettings.parse(environment());
      settings = parsed;
    }
    return parsed;
  }

  /**
   * Turns an upstream event into new events: it creates or changes aggregates (it may get them from {@link
   * #repository()}), and passes each, or the new events of an immutable aggregate, to {@link
   * ProcessingEvent#collectEvents}; it saves nothing itself. Events it
   * has no use for it ignores. If it throws, nothing is recorded for the notification, processing stops with a
   * {@link ProcessingException}, and the notification is processed again when processing is next started.
   *
   * @param event the upstream event
   * @param processing the processing of its notification, which collects the results
   */
  protected abstract void policy(DomainEvent<?> event, ProcessingEvent processing);

  /**
   * The topics of the upstream events the policy is given; empty (the default) for all. Events of other topics
   * are not read: the database filters them out. Give each payload class's topic, {@code Topics.of(Order.Created
   * .class)}, and any earlier topics (aliases) of renamed classes. An override must return a constant.
   */
  protected Set<String> upstreamTopics() {
    return Set.of();
  }

  /**
   * Follows an upstream application: its notifications are read from its recorder and decoded with its mapper.
   *
   * @throws IllegalArgumentException if an application of that name is followed already
   */
  public void follow(Application leader) {
    Upstream upstream = new Upstream(leader.name(), leader.recorder(), leader.mapper());
    FollowerLoop loop =
        new FollowerLoop("application", name(), upstream.name(), processingSettings(), new Steps(upstream),
            this::observer);
    if (upstreams.putIfAbsent(upstream.name(), loop) != null) {
      throw new IllegalArgumentException(
          "application " + name() + " already follows an application named " + upstream.name());
    }
  }

  /**
   * Processes the followed application's notifications that this application has not processed yet, up to the
   * end of its log.
   *
   * @return how many notifications this call processed
   * @throws IllegalArgumentException if no application of that name is followed
   * @throws ProcessingException if one could not be processed; those before it are processed and recorded. A
   *     transient failure is retried until it works (see the settings above), unless the thread is interrupted
   */
  public int pullAndProcess(String leaderName) {
    return pullAndProcess(leaderName, () -> true);
  }

  /** As {@link #pullAndProcess(String)}, stopping early, between batches, once {@code carryOn} is false. */
  int pullAndProcess(String leaderName, BooleanSupplier carryOn) {
    FollowerLoop loop = upstreams.get(leaderName);
    if (loop == null) {
      throw new IllegalArgumentException("application " + name() + " does not follow an application named "
          + leaderName + " (it follows " + upstreams.keySet() + ")");
    }
    synchronized (processing) {
      return loop.pull(carryOn);
    }
  }

  /**
   * How far this application is behind a followed application: the id of the leader's last notification minus
   * that of the last one this application has processed (its tracking record). An application that reads only
   * some topics ({@link #upstreamTopics()}) counts from the last notification id it found it had nothing more to
   * read up to, when that is greater: so its lag is 0 once this process has read to the leader's end, although it
   * tracks only the notifications it processed. Reads both stores.
   *
   * @throws IllegalArgumentException if no application of that name is followed
   * @throws OperationalException if a store can't be read
   */
  public long lag(String leaderName) {
    FollowerLoop loop = upstreams.get(leaderName);
    if (loop == null) {
      throw new IllegalArgumentException("application " + name() + " does not follow an application named "
          + leaderName + " (it follows " + upstreams.keySet() + ")");
    }
    return loop.lag();
  }

  /** The names of the applications this one follows, in no particular order. */
  public Set<String> leaders() {
    return Set.copyOf(upstreams.keySet());
  }

  /**
   * Tells {@code observer} of this application's processing of each upstream log from now on, as {@link
   * FollowerObserver} describes; metrics use this. An application without one pays nothing for it.
   */
  public void addFollowerObserver(FollowerObserver added) {
    Objects.requireNonNull(added, "observer");
    synchronized (upstreams) {
      FollowerObserver before = observer;
      observer = before == FollowerLoop.NO_OBSERVER ? added : new FollowerObservers(before, added);
    }
  }

  /**
   * Whether this process holds the application's lease, so that it processes here: empty unless a {@link
   * MultiThreadedRunner}'s worker runs it, and until the worker has first tried to take it.
   */
  public Optional<Boolean> leaseHeld() {
    return Optional.ofNullable(leaseHeld);
  }

  /** The observer of this application's processing: none, one, or several. */
  FollowerObserver observer() {
    return observer;
  }

  /** A worker took the lease, or found it lost, or released it: recorded, then the observers are told. */
  void lease(boolean held) {
    leaseHeld = held;
    observer.lease(name(), held);
  }

  @Override
  public ProcessRecorder recorder() {
    return (ProcessRecorder) super.recorder();
  }

  // From the settings the application opens with, which a builder may have given after the constructor parsed its own.
  @Override
  protected void checkSettings(Environment environment) {
    settings = ProcessingSettings.parse(environment);
  }

  // Not final, so that CDI containers can proxy process applications by subclassing them.
  @Override
  protected ProcessRecorder constructRecorder(InfrastructureFactory factory) {
    return factory.processRecorder();
  }

  /** How this application processes the notifications of one upstream application. */
  private final class Steps implements FollowerLoop.Steps {
    private final Upstream upstream;

    Steps(Upstream upstream) {
      this.upstream = upstream;
    }

    @Override
    public long position() {
      Long max = recorder().maxTrackingId(upstream.name());
      return max == null ? 0 : max;
    }

    @Override
    public long end() {
      Long max = upstream.recorder().maxNotificationId();
      return max == null ? 0 : max;
    }

    @Override
    public List<Notification> select(long start) {
      return upstream.recorder().selectNotifications(start, PAGE_SIZE, null, upstreamTopics());
    }

    @Override
    public boolean filtersTopics() {
      return !upstreamTopics().isEmpty();
    }

    @Override
    public void process(List<Notification> batch, long previous) {
      FollowerLoop loop = upstreams.get(upstream.name());
      List<Aggregate<?>> collected = new ArrayList<>();
      // What the policies of the batch's earlier notifications collected: the repository answers from it first.
      List<DomainEvent<?>> events = new ArrayList<>();
      Map<UUID, Aggregate<?>> unsaved = new HashMap<>();
      Map<UUID, List<DomainEvent<?>>> unsavedEvents = new HashMap<>();
      repository().answeringFrom(unsaved, unsavedEvents, () -> {
        for (Notification notification : batch) {
          DomainEvent<?> event;
          try {
            event = upstream.mapper().toDomainEvent(notification);
          } catch (OperationalException e) {
            throw e;
          } catch (RuntimeException e) {
            throw loop.failure("decoding", notification, e);
          }
          ProcessingEvent processing = new ProcessingEvent(new Tracking(upstream.name(), notification.id()));
          try {
            policy(event, processing);
          } catch (OperationalException e) {
            throw e;
          } catch (RuntimeException e) {
            throw loop.failure("the policy's processing of", notification, e);
          }
          for (Aggregate<?> aggregate : processing.aggregates()) {
            collected.add(aggregate);
            unsaved.put(aggregate.id(), aggregate);
          }
          for (DomainEvent<?> collectedEvent : processing.events()) {
            events.add(collectedEvent);
            unsavedEvents.computeIfAbsent(collectedEvent.originatorId(), id -> new ArrayList<>()).add(collectedEvent);
          }
        }
      });
      Notification last = batch.get(batch.size() - 1);
      try {
        save(new Tracking(upstream.name(), last.id(), batch.get(0).id()), events, collected.toArray(Aggregate<?>[]::new));
      } catch (RecordConflictException | OperationalException e) {
        throw e;
      } catch (RuntimeException e) {
        throw loop.failure("recording the processing of", last, e);
      }
    }
  }
}
