package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A read model (a view) of applications' events, kept exactly once: what a batch of upstream events changes in
 * the view is written in one transaction with the projection's new position in each upstream log, in the view's
 * own store, so after a crash the view is exactly as far as its position says. Unlike a process application, a
 * projection records no events: it writes the view's rows (such as a JPA entity table of the user's, with
 * es-jpa's {@code JpaProjection}). Dropping the view and its positions and processing again rebuilds it from the
 * logs.
 *
 * <p>A store's subclass implements {@link #position} and {@link #record}; the user's subclass of that writes the
 * view. Nothing runs a projection by itself: call {@link #pullAndProcess} when an upstream application has saved
 * (from a {@linkplain Application#addSaveListener save listener}), on a schedule, or both. Several processes may
 * run the same projection on one view: each batch is recorded once. Safe to call from many threads: one batch
 * is processed at a time.
 *
 * <p>Batches, conflicts and failures are handled as by a {@link ProcessApplication}, with the same {@link
 * ProcessingSettings}: a transient failure ({@link dev.eventsourcing.persistence.OperationalException}) while
 * reading the position, selecting or recording is retried with back-off until it works, and any other failure
 * stops the call with a {@link ProcessingException}.
 */
public abstract class Projection {
  private static final int PAGE_SIZE = ProcessApplication.PAGE_SIZE;

  private final String name;
  private final ProcessingSettings settings;
  private final Map<String, FollowerLoop> upstreams = new ConcurrentHashMap<>();
  private final Object processing = new Object();

  private record Upstream(String name, Application application, Mapper mapper) {}

  /**
   * @param name the projection's name, which keys its positions in its store
   * @param batchSize how many upstream notifications are processed in one transaction, at most {@value
   *     ProcessApplication#PAGE_SIZE}
   */
  protected Projection(String name, int batchSize) {
    this(name, checkedBatchSize(batchSize));
  }

  /**
   * @param name the projection's name, which keys its positions in its store
   * @param settings its batch size and retry delays, for instance {@link ProcessingSettings#parse} of an {@link
   *     dev.eventsourcing.persistence.Environment} named after the projection
   */
  protected Projection(String name, ProcessingSettings settings) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a projection needs a name");
    }
    this.name = name;
    this.settings = settings;
  }

  private static ProcessingSettings checkedBatchSize(int batchSize) {
    if (batchSize < 1 || batchSize > PAGE_SIZE) {
      throw new IllegalArgumentException("batch size must be 1 to " + PAGE_SIZE + ", got " + batchSize);
    }
    return ProcessingSettings.DEFAULTS.withBatchSize(batchSize);
  }

  /** Its batch size and retry delays. */
  public ProcessingSettings processingSettings() {
    return settings;
  }

  public String name() {
    return name;
  }

  /**
   * Follows an upstream application.
   *
   * @throws IllegalArgumentException if an application of that name is followed already
   */
  public void follow(Application upstream) {
    Upstream followed = new Upstream(upstream.name(), upstream, upstream.mapper());
    FollowerLoop loop = new FollowerLoop("projection", name, upstream.name(), settings, new Steps(followed));
    if (upstreams.putIfAbsent(upstream.name(), loop) != null) {
      throw new IllegalArgumentException(
          "projection " + name + " already follows an application named " + upstream.name());
    }
  }

  /**
   * Projects the upstream application's events that this projection has not projected yet, up to the end of its
   * log.
   *
   * @return how many notifications this call projected
   * @throws IllegalArgumentException if no application of that name is followed
   * @throws ProcessingException if a batch could not be projected; those before it are recorded. A transient
   *     failure is retried until it works, unless the thread is interrupted
   */
  public int pullAndProcess(String upstreamName) {
    FollowerLoop loop = upstreams.get(upstreamName);
    if (loop == null) {
      throw new IllegalArgumentException("projection " + name + " does not follow an application named "
          + upstreamName + " (it follows " + upstreams.keySet() + ")");
    }
    synchronized (processing) {
      return loop.pull(() -> true);
    }
  }

  /**
   * The topics of the upstream events to project; empty (the default) for all. See {@link
   * ProcessApplication#upstreamTopics()}.
   */
  protected Set<String> topics() {
    return Set.of();
  }

  /** The id of the last notification of the upstream application that is projected, or {@code null} if none. */
  protected abstract @Nullable Long position(String upstreamName);

  /**
   * Writes what the events change in the view and moves the position in the upstream log from {@code previous}
   * to {@code last}, in one transaction: all of it, or nothing.
   *
   * @param events upstream events, in log order
   * @param last the upstream notification of the last event, the new position
   * @param previous the position the events follow, {@code null} if there was none
   * @throws RecordConflictException if the position is no longer {@code previous}: another process projected
   *     these events first
   */
  protected abstract void record(List<DomainEvent<?>> events, Tracking last, @Nullable Long previous);

  /** How this projection processes the notifications of one upstream application. */
  private final class Steps implements FollowerLoop.Steps {
    private final Upstream upstream;

    Steps(Upstream upstream) {
      this.upstream = upstream;
    }

    @Override
    public long position() {
      Long position = Projection.this.position(upstream.name());
      return position == null ? 0 : position;
    }

    @Override
    public long end() {
      Long max = upstream.application().recorder().maxNotificationId();
      return max == null ? 0 : max;
    }

    @Override
    public List<Notification> select(long start) {
      return upstream.application().recorder().selectNotifications(start, PAGE_SIZE, null, topics());
    }

    @Override
    public boolean filtersTopics() {
      return !topics().isEmpty();
    }

    @Override
    public void process(List<Notification> batch, long previous) {
      FollowerLoop loop = upstreams.get(upstream.name());
      List<DomainEvent<?>> events = new ArrayList<>(batch.size());
      for (Notification notification : batch) {
        try {
          events.add(upstream.mapper().toDomainEvent(notification));
        } catch (OperationalException e) {
          throw e;
        } catch (RuntimeException e) {
          throw loop.failure("decoding", notification, e);
        }
      }
      Notification last = batch.get(batch.size() - 1);
      try {
        record(events, new Tracking(upstream.name(), last.id()), previous == 0 ? null : previous);
      } catch (RecordConflictException | OperationalException e) {
        throw e;
      } catch (RuntimeException e) {
        throw loop.failure("recording the batch ending with", last, e);
      }
    }
  }
}
