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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *   <li>{@value #PROCESSING_BATCH_SIZE}: how many upstream notifications are processed in one transaction, with
 *       one tracking record of the last of them (default 1, at most {@value #PAGE_SIZE}). Larger batches commit
 *       less often. The policy of a notification does not see what the policies of earlier notifications of the
 *       same batch collected: if two of them change the same aggregate, the batch conflicts and is processed
 *       again one notification at a time, but a policy that reads other aggregates must be given batches of 1.
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
        new FollowerLoop("application", name(), upstream.name(), processingSettings(), new Steps(upstream));
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
   * How far this application is behind a followed application: the id of its last notification minus that of
   * the last one this application has processed.
   */
  long lag(String leaderName) {
    return Objects.requireNonNull(upstreams.get(leaderName), leaderName).lag();
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
    public void process(List<Notification> batch, long previous) {
      FollowerLoop loop = upstreams.get(upstream.name());
      List<Aggregate<?>> collected = new ArrayList<>();
      List<DomainEvent<?>> events = new ArrayList<>();
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
        collected.addAll(processing.aggregates());
        events.addAll(processing.events());
      }
      Notification last = batch.get(batch.size() - 1);
      try {
        save(new Tracking(upstream.name(), last.id()), events, collected.toArray(Aggregate<?>[]::new));
      } catch (RecordConflictException | OperationalException e) {
        throw e;
      } catch (RuntimeException e) {
        throw loop.failure("recording the processing of", last, e);
      }
    }
  }
}
