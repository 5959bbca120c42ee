package dev.eventsourcing.micrometer;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationObserver;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.system.FollowerObserver;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingException;
import dev.eventsourcing.system.Runner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Micrometer meters of a runner's applications, or of applications given one by one: {@code new
 * EventSourcingMetrics(runner).bindTo(registry)} once the runner has started. Bind an application to a registry
 * once. The meters, each tagged with the application's name ({@code application}), or the follower's and the
 * upstream application's ({@code follower}, {@code upstream}):
 *
 * <ul>
 *   <li>{@value #SAVES}, a timer ({@code application}): saves of new events, or of a process application's
 *       tracking record, and how long the store took;
 *   <li>{@value #SAVE_EVENTS}, a distribution summary ({@code application}): how many events each save recorded;
 *   <li>{@value #CONFLICTS}, a counter ({@code application}): saves refused as conflicts with another writer;
 *   <li>{@value #NOTIFICATIONS_READ}, a counter ({@code application}, {@code follower}): notifications of the
 *       application's log read by a follower;
 *   <li>{@value #PROCESSED}, a counter ({@code follower}, {@code upstream}): upstream notifications processed;
 *   <li>{@value #BATCHES}, a timer ({@code follower}, {@code upstream}): the batches processed and how long each
 *       took, policy and save;
 *   <li>{@value #RETRIES}, a counter ({@code follower}, {@code upstream}): steps retried after a transient failure;
 *   <li>{@value #ERRORS}, a counter ({@code follower}, {@code upstream}, {@code exception}, the simple
 *       name of the class of what failed: a processing exception's cause, such as the policy's exception):
 *       failures that stopped the follower's processing, registered at the first;
 *   <li>{@value #LAG}, a gauge ({@code follower}, {@code upstream}): the follower's lag, {@link
 *       ProcessApplication#lag}, read from the stores when the registry is read (NaN if they can't be read);
 *   <li>{@value #LEASE}, a gauge ({@code follower}), in a {@link dev.eventsourcing.system.MultiThreadedRunner}: 1
 *       while this process holds the follower's lease, 0 otherwise; registered when its worker first takes or
 *       misses the lease.
 * </ul>
 */
public final class EventSourcingMetrics implements MeterBinder {
  public static final String SAVES = "eventsourcing.saves";
  public static final String SAVE_EVENTS = "eventsourcing.save.events";
  public static final String CONFLICTS = "eventsourcing.conflicts";
  public static final String NOTIFICATIONS_READ = "eventsourcing.notifications.read";
  public static final String PROCESSED = "eventsourcing.follower.processed";
  public static final String BATCHES = "eventsourcing.follower.batches";
  public static final String RETRIES = "eventsourcing.follower.retries";
  public static final String ERRORS = "eventsourcing.follower.errors";
  public static final String LAG = "eventsourcing.follower.lag";
  public static final String LEASE = "eventsourcing.follower.lease";

  private final Supplier<List<Application>> applications;

  /** The meters of the runner's applications, as they are when {@link #bindTo} is called: start it first. */
  public EventSourcingMetrics(Runner runner) {
    this.applications = runner::applications;
  }

  /** The meters of the given applications; a process application's followers meters for the leaders it follows. */
  public EventSourcingMetrics(Collection<? extends Application> applications) {
    List<Application> copy = List.copyOf(applications);
    this.applications = () -> copy;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Application application : applications.get()) {
      application.addObserver(new Saves(registry, application.name()));
      if (application instanceof ProcessApplication follower) {
        Processing processing = new Processing(registry, follower);
        follower.leaders().forEach(processing::meters);
        follower.addFollowerObserver(processing);
        // After the observer is added: a worker that took or missed the lease before is seen here.
        follower.leaseHeld().ifPresent(held -> processing.lease(follower.name(), held));
      }
    }
  }

  private static final class Saves implements ApplicationObserver {
    private final Timer saves;
    private final DistributionSummary events;
    private final Counter conflicts;

    Saves(MeterRegistry registry, String application) {
      saves = Timer.builder(SAVES).tag("application", application)
          .description("Saves of new events or tracking records, and how long the store took").register(registry);
      events = DistributionSummary.builder(SAVE_EVENTS).tag("application", application).baseUnit("events")
          .description("Events recorded by each save").register(registry);
      conflicts = Counter.builder(CONFLICTS).tag("application", application)
          .description("Saves refused as conflicts with another writer").register(registry);
    }

    @Override
    public void saved(Application application, int count, long nanos) {
      saves.record(nanos, TimeUnit.NANOSECONDS);
      events.record(count);
    }

    @Override
    public void conflicted(Application application, RecordConflictException conflict) {
      conflicts.increment();
    }
  }

  /** The meters of one follower of one upstream application. */
  private record Upstream(Counter read, Counter processed, Timer batches, Counter retries) {}

  private static final class Processing implements FollowerObserver {
    private final MeterRegistry registry;
    private final ProcessApplication follower;
    private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();
    private final AtomicInteger lease = new AtomicInteger();
    private final AtomicBoolean leaseRegistered = new AtomicBoolean();

    Processing(MeterRegistry registry, ProcessApplication follower) {
      this.registry = registry;
      this.follower = follower;
    }

    Upstream meters(String upstream) {
      Upstream meters = upstreams.get(upstream);
      return meters != null ? meters : upstreams.computeIfAbsent(upstream, this::register);
    }

    private Upstream register(String upstream) {
      String name = follower.name();
      Gauge.builder(LAG, follower, followed -> lag(followed, upstream))
          .tags("follower", name, "upstream", upstream).baseUnit("notifications")
          .description("The upstream log's last notification id minus the follower's position")
          .register(registry);
      return new Upstream(
          Counter.builder(NOTIFICATIONS_READ).tags("application", upstream, "follower", name)
              .baseUnit("notifications").description("Notifications of the application's log read by a follower")
              .register(registry),
          Counter.builder(PROCESSED).tags("follower", name, "upstream", upstream).baseUnit("notifications")
              .description("Upstream notifications processed").register(registry),
          Timer.builder(BATCHES).tags("follower", name, "upstream", upstream)
              .description("Batches of upstream notifications processed, policy and save").register(registry),
          Counter.builder(RETRIES).tags("follower", name, "upstream", upstream)
              .description("Steps retried after a transient failure").register(registry));
    }

    private static double lag(ProcessApplication follower, String upstream) {
      try {
        return follower.lag(upstream);
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }

    @Override
    public void read(String name, String upstream, int notifications) {
      meters(upstream).read().increment(notifications);
    }

    @Override
    public void processed(String name, String upstream, int notifications, long nanos) {
      Upstream meters = meters(upstream);
      meters.processed().increment(notifications);
      meters.batches().record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retried(String name, String upstream, RuntimeException failure) {
      meters(upstream).retries().increment();
    }

    @Override
    public void failed(String name, String upstream, Throwable failure) {
      // A processing exception says where; what failed is its cause, such as the policy's exception.
      Throwable cause = failure instanceof ProcessingException && failure.getCause() != null
          ? failure.getCause() : failure;
      Counter.builder(ERRORS).tags("follower", name, "upstream", upstream, "exception",
              cause.getClass().getSimpleName())
          .description("Failures that stopped the follower's processing").register(registry).increment();
    }

    @Override
    public void lease(String name, boolean held) {
      lease.set(held ? 1 : 0);
      if (!leaseRegistered.get() && leaseRegistered.compareAndSet(false, true)) {
        Gauge.builder(LEASE, lease, AtomicInteger::get).tag("follower", name)
            .description("1 while this process holds the follower's lease, 0 otherwise").register(registry);
      }
    }
  }
}
