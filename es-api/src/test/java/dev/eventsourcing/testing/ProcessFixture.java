package dev.eventsourcing.testing;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.ProcessApplication;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A given/when/then test of a process application's policy, through its real processing on the in-memory store:
 * given upstream events (which it processes), when one more upstream event, then these collected events, or this
 * exception. The upstream events are saved in an application of the upstream class, which must declare their
 * payload types; the process application follows it.
 *
 * <pre>{@code
 * try (ProcessFixture<Reservations> reservations = ProcessFixture.of(Orders.class, Reservations.class)) {
 *   UUID order = UUID.randomUUID();
 *   reservations.when(order, new Order.Created("book"))
 *       .then(new Reservation.Created(order));
 * }
 * }</pre>
 *
 * @param <P> the process application's class
 */
public final class ProcessFixture<P extends ProcessApplication> implements AutoCloseable {
  private static final int PAGE = 1000;

  private final Application upstream;
  private final P process;
  private final Map<UUID, Integer> versions = new HashMap<>();

  private ProcessFixture(Application upstream, P process) {
    this.upstream = upstream;
    this.process = process;
  }

  /** A process application of class {@code process} following an application of class {@code upstream}. */
  public static <P extends ProcessApplication> ProcessFixture<P> of(
      Class<? extends Application> upstream, Class<P> process) {
    return of(upstream, process, Map.of());
  }

  /**
   * As {@link #of(Class, Class)}, both applications built with these settings over the in-memory store's
   * ({@code PERSISTENCE_MODULE=memory}, each its own store).
   */
  public static <P extends ProcessApplication> ProcessFixture<P> of(
      Class<? extends Application> upstream, Class<P> process, Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put(InfrastructureFactory.PERSISTENCE_MODULE, "memory");
    Application leader = Application.builder(upstream).environment(environment).build();
    P follower;
    try {
      follower = Application.builder(process).environment(environment).build();
    } catch (RuntimeException e) {
      leader.close();
      throw e;
    }
    follower.follow(leader);
    return new ProcessFixture<>(leader, follower);
  }

  /**
   * Saves upstream events of the aggregate {@code originatorId}, each the next version of it, and has the process
   * application process them.
   *
   * @throws AssertionError if the policy failed on one of them
   */
  public ProcessFixture<P> given(UUID originatorId, Object... payloads) {
    for (Object payload : payloads) {
      save(originatorId, payload);
    }
    try {
      process.pullAndProcess(upstream.name());
    } catch (RuntimeException e) {
      throw new AssertionError(process.name() + "'s policy failed on the given events: " + e, e);
    }
    return this;
  }

  /**
   * Saves one more upstream event of the aggregate {@code originatorId} and has the process application process
   * it; its outcome is the events that processing recorded, or what the processing threw (a {@link
   * dev.eventsourcing.system.ProcessingException} caused by the policy's exception).
   */
  public Outcome<P> when(UUID originatorId, Object payload) {
    Long before = process.recorder().maxNotificationId();
    DomainEvent<Object> event = save(originatorId, payload);
    String what = process.name() + "'s policy, given " + payload + " of " + event.originatorId() + " at version "
        + event.originatorVersion() + ",";
    try {
      process.pullAndProcess(upstream.name());
    } catch (RuntimeException e) {
      return Outcome.threw(what, e);
    }
    return Outcome.made(what, recordedAfter(before == null ? 0 : before), process);
  }

  /** The process application, to query it after the "when". */
  public P application() {
    return process;
  }

  /** The upstream application the events are saved in. */
  public Application upstream() {
    return upstream;
  }

  /** Closes both applications. */
  @Override
  public void close() {
    try {
      process.close();
    } finally {
      upstream.close();
    }
  }

  private DomainEvent<Object> save(UUID originatorId, Object payload) {
    Objects.requireNonNull(originatorId, "originatorId");
    Objects.requireNonNull(payload, "payload");
    int version = versions.merge(originatorId, 1, Integer::sum);
    DomainEvent<Object> event = new DomainEvent<>(originatorId, version, Instant.now().truncatedTo(ChronoUnit.MICROS),
        Topics.of(payload.getClass()), payload, null);
    upstream.saveEvents(List.of(event));
    return event;
  }

  private List<Object> recordedAfter(long before) {
    List<Object> payloads = new ArrayList<>();
    long start = before + 1;
    while (true) {
      List<Notification> page = process.recorder().selectNotifications(start, PAGE);
      for (Notification notification : page) {
        payloads.add(process.mapper().toDomainEvent(notification).payload());
      }
      if (page.size() < PAGE) {
        return payloads;
      }
      start = page.get(page.size() - 1).id() + 1;
    }
  }
}
