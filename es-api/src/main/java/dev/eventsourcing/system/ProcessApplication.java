package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

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
 * <p>The settings are those of {@link Application}, and:
 *
 * <ul>
 *   <li>{@value #PROCESSING_BATCH_SIZE}: how many upstream notifications are processed in one transaction, with
 *       one tracking record of the last of them (default 1, at most {@value #PAGE_SIZE}). Larger batches commit
 *       less often. The policy of a notification does not see what the policies of earlier notifications of the
 *       same batch collected: if two of them change the same aggregate, the batch conflicts and is processed
 *       again one notification at a time, but a policy that reads other aggregates must be given batches of 1.
 * </ul>
 *
 * <p>Processing is safe to prompt from many threads: one application processes one batch at a time.
 */
public abstract class ProcessApplication extends Application {
  public static final String PROCESSING_BATCH_SIZE = "PROCESSING_BATCH_SIZE";

  /** How many upstream notifications are selected at a time. */
  public static final int PAGE_SIZE = 500;

  /** How many times in a row one notification's results may conflict with another writer before processing fails. */
  private static final int CONFLICT_RETRIES = 10;

  private static final System.Logger LOGGER = System.getLogger(ProcessApplication.class.getName());

  private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();
  private final Object processing = new Object();
  private volatile int batchSize;

  /** The upstream application a process application follows: where its notifications are and how to decode them. */
  private record Upstream(String name, ApplicationRecorder recorder, Mapper mapper) {}

  /** A process application configured by the process environment. */
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
  }

  /**
   * Turns an upstream event into new events: it creates or changes aggregates (it may get them from {@link
   * #repository()}), and passes each to {@link ProcessingEvent#collectEvents}; it saves nothing itself. Events it
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
   * @throws dev.eventsourcing.persistence.ConfigurationException if {@value #PROCESSING_BATCH_SIZE} is invalid
   */
  public void follow(Application leader) {
    batchSize = environment().getInt(PROCESSING_BATCH_SIZE, 1, 1, PAGE_SIZE);
    Upstream upstream = new Upstream(leader.name(), leader.recorder(), leader.mapper());
    if (upstreams.putIfAbsent(upstream.name(), upstream) != null) {
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
   * @throws ProcessingException if one could not be processed; those before it are processed and recorded
   */
  public int pullAndProcess(String leaderName) {
    return pullAndProcess(leaderName, () -> true);
  }

  /** As {@link #pullAndProcess(String)}, stopping early, between batches, once {@code carryOn} is false. */
  int pullAndProcess(String leaderName, BooleanSupplier carryOn) {
    Upstream upstream = upstreams.get(leaderName);
    if (upstream == null) {
      throw new IllegalArgumentException("application " + name() + " does not follow an application named "
          + leaderName + " (it follows " + upstreams.keySet() + ")");
    }
    synchronized (processing) {
      return pull(upstream, carryOn);
    }
  }

  @Override
  public ProcessRecorder recorder() {
    return (ProcessRecorder) super.recorder();
  }

  // Not final, so that CDI containers can proxy process applications by subclassing them.
  @Override
  protected ProcessRecorder constructRecorder(InfrastructureFactory factory) {
    return factory.processRecorder();
  }

  private int pull(Upstream upstream, BooleanSupplier carryOn) {
    Set<String> topics = upstreamTopics();
    int processed = 0;
    int conflicts = 0;
    long oneByOneUntil = 0;
    long position = tracked(upstream);
    while (carryOn.getAsBoolean()) {
      List<Notification> page = select(upstream, position + 1, topics);
      if (page.isEmpty()) {
        return processed;
      }
      int index = 0;
      while (index < page.size() && carryOn.getAsBoolean()) {
        int size = page.get(index).id() <= oneByOneUntil ? 1 : Math.min(batchSize, page.size() - index);
        List<Notification> batch = page.subList(index, index + size);
        try {
          process(upstream, batch);
        } catch (RecordConflictException conflict) {
          long tracked = tracked(upstream);
          if (tracked > position) {
            LOGGER.log(System.Logger.Level.DEBUG, () -> "application " + name() + ": notifications of "
                + upstream.name() + " up to " + tracked + " were processed by another process; going on from there");
            position = tracked;
          } else if (size > 1) {
            oneByOneUntil = batch.get(size - 1).id();
          } else if (++conflicts > CONFLICT_RETRIES) {
            throw failure("recording the processing of", upstream, batch.get(0), conflict);
          }
          break;
        }
        conflicts = 0;
        position = batch.get(size - 1).id();
        processed += size;
        index += size;
      }
    }
    return processed;
  }

  private void process(Upstream upstream, List<Notification> batch) {
    List<Aggregate<?>> collected = new ArrayList<>();
    for (Notification notification : batch) {
      DomainEvent<?> event;
      try {
        event = upstream.mapper().toDomainEvent(notification);
      } catch (RuntimeException e) {
        throw failure("decoding", upstream, notification, e);
      }
      ProcessingEvent processing = new ProcessingEvent(new Tracking(upstream.name(), notification.id()));
      try {
        policy(event, processing);
      } catch (RuntimeException e) {
        throw failure("the policy's processing of", upstream, notification, e);
      }
      collected.addAll(processing.aggregates());
    }
    Notification last = batch.get(batch.size() - 1);
    try {
      save(new Tracking(upstream.name(), last.id()), collected.toArray(Aggregate<?>[]::new));
    } catch (RecordConflictException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure("recording the processing of", upstream, last, e);
    }
  }

  private List<Notification> select(Upstream upstream, long start, Set<String> topics) {
    try {
      return upstream.recorder().selectNotifications(start, PAGE_SIZE, null, topics);
    } catch (RuntimeException e) {
      throw new ProcessingException("application " + name() + ": reading the notifications of " + upstream.name()
          + " from " + start + " failed: " + e, e);
    }
  }

  private long tracked(Upstream upstream) {
    Long max;
    try {
      max = recorder().maxTrackingId(upstream.name());
    } catch (RuntimeException e) {
      throw new ProcessingException("application " + name() + ": reading how far it has processed the notifications"
          + " of " + upstream.name() + " failed: " + e, e);
    }
    return max == null ? 0 : max;
  }

  private ProcessingException failure(String what, Upstream upstream, Notification notification, Throwable cause) {
    return new ProcessingException("application " + name() + ": " + what + " notification " + notification.id()
        + " of " + upstream.name() + " (" + notification.topic() + ") failed: " + cause, cause);
  }
}
