package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
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
 */
public abstract class Projection {
  private static final int PAGE_SIZE = ProcessApplication.PAGE_SIZE;
  private static final int CONFLICT_RETRIES = 10;

  private final String name;
  private final int batchSize;
  private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();
  private final Object processing = new Object();

  private record Upstream(String name, Application application, Mapper mapper) {}

  /**
   * @param name the projection's name, which keys its positions in its store
   * @param batchSize how many upstream notifications are processed in one transaction, at most {@value
   *     ProcessApplication#PAGE_SIZE}
   */
  protected Projection(String name, int batchSize) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a projection needs a name");
    }
    if (batchSize < 1 || batchSize > PAGE_SIZE) {
      throw new IllegalArgumentException("batch size must be 1 to " + PAGE_SIZE + ", got " + batchSize);
    }
    this.name = name;
    this.batchSize = batchSize;
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
    if (upstreams.putIfAbsent(upstream.name(), new Upstream(upstream.name(), upstream, upstream.mapper())) != null) {
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
   * @throws ProcessingException if a batch could not be projected; those before it are recorded
   */
  public int pullAndProcess(String upstreamName) {
    Upstream upstream = upstreams.get(upstreamName);
    if (upstream == null) {
      throw new IllegalArgumentException("projection " + name + " does not follow an application named "
          + upstreamName + " (it follows " + upstreams.keySet() + ")");
    }
    synchronized (processing) {
      return pull(upstream);
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

  private int pull(Upstream upstream) {
    int projected = 0;
    int conflicts = 0;
    Long position = readPosition(upstream);
    while (true) {
      long start = position == null ? 1 : position + 1;
      List<Notification> page = select(upstream, start);
      if (page.isEmpty()) {
        return projected;
      }
      for (int index = 0; index < page.size(); index += batchSize) {
        List<Notification> batch = page.subList(index, Math.min(page.size(), index + batchSize));
        Notification last = batch.get(batch.size() - 1);
        try {
          record(decode(upstream, batch), new Tracking(upstream.name(), last.id()), position);
        } catch (RecordConflictException conflict) {
          if (++conflicts > CONFLICT_RETRIES) {
            throw failure("recording the batch ending with", upstream, last, conflict);
          }
          position = readPosition(upstream);
          break;
        } catch (RuntimeException e) {
          throw failure("recording the batch ending with", upstream, last, e);
        }
        conflicts = 0;
        position = last.id();
        projected += batch.size();
      }
    }
  }

  private List<DomainEvent<?>> decode(Upstream upstream, List<Notification> batch) {
    List<DomainEvent<?>> events = new ArrayList<>(batch.size());
    for (Notification notification : batch) {
      try {
        events.add(upstream.mapper().toDomainEvent(notification));
      } catch (RuntimeException e) {
        throw failure("decoding", upstream, notification, e);
      }
    }
    return events;
  }

  private List<Notification> select(Upstream upstream, long start) {
    try {
      return upstream.application().recorder().selectNotifications(start, PAGE_SIZE, null, topics());
    } catch (RuntimeException e) {
      throw new ProcessingException(
          "projection " + name + ": reading the notifications of " + upstream.name() + " from " + start + " failed: "
              + e, e);
    }
  }

  private @Nullable Long readPosition(Upstream upstream) {
    try {
      return position(upstream.name());
    } catch (RuntimeException e) {
      throw new ProcessingException(
          "projection " + name + ": reading its position in " + upstream.name() + " failed: " + e, e);
    }
  }

  private ProcessingException failure(String what, Upstream upstream, Notification notification, Throwable cause) {
    return new ProcessingException("projection " + name + ": " + what + " notification " + notification.id() + " of "
        + upstream.name() + " (" + notification.topic() + ") failed: " + cause, cause);
  }
}
