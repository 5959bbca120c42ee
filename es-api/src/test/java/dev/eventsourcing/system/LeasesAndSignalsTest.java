package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * How a {@link MultiThreadedRunner} uses what a store may offer: a follower is processed only while its lease is
 * held, and a leader's signal prompts its followers without a save in this process. The store here is the memory
 * store behind a recorder whose lease and signals the test controls.
 */
class LeasesAndSignalsTest {
  private static final EventSystem SYSTEM =
      new EventSystem(List.of(List.of(ControlledOrders.class, ControlledReservations.class)));
  private static final Map<String, String> MEMORY = Map.of("PERSISTENCE_MODULE", "memory");

  /** The recorder's lease and signals, as the test sets them; static because recorders are made in constructors. */
  private static final Controls CONTROLS = new Controls();

  static final class Controls {
    final AtomicBoolean available = new AtomicBoolean();
    final AtomicInteger tries = new AtomicInteger();
    final List<TestLease> taken = new CopyOnWriteArrayList<>();
    final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void reset() {
      available.set(false);
      tries.set(0);
      taken.clear();
      listeners.clear();
    }

    void signal() {
      listeners.forEach(Runnable::run);
    }
  }

  static final class TestLease implements Lease {
    final AtomicBoolean held = new AtomicBoolean(true);
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public boolean isHeld() {
      return held.get() && !closed.get();
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  /** A process recorder that delegates to another, with the controlled lease and signals. */
  static final class ControlledRecorder implements ProcessRecorder {
    private final ProcessRecorder recorder;

    ControlledRecorder(ProcessRecorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public @Nullable Lease tryLease() {
      CONTROLS.tries.incrementAndGet();
      if (!CONTROLS.available.get()) {
        return null;
      }
      TestLease lease = new TestLease();
      CONTROLS.taken.add(lease);
      return lease;
    }

    @Override
    public Subscription subscribe(Runnable listener) {
      CONTROLS.listeners.add(listener);
      return () -> CONTROLS.listeners.remove(listener);
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracking) {
      return recorder.insertEvents(events, newKeys, tracking);
    }

    @Override
    public List<StoredEvent> selectEvents(
        UUID originatorId, @Nullable Integer gt, @Nullable Integer lte, boolean desc, @Nullable Integer limit) {
      return recorder.selectEvents(originatorId, gt, lte, desc, limit);
    }

    @Override
    public List<Notification> selectNotifications(
        long start, int limit, @Nullable Long stop, Collection<String> topics) {
      return recorder.selectNotifications(start, limit, stop, topics);
    }

    @Override
    public @Nullable Long maxNotificationId() {
      return recorder.maxNotificationId();
    }

    @Override
    public @Nullable Long maxTrackingId(String applicationName) {
      return recorder.maxTrackingId(applicationName);
    }

    @Override
    public boolean hasTrackingId(String applicationName, long notificationId) {
      return recorder.hasTrackingId(applicationName, notificationId);
    }
  }

  public static class ControlledOrders extends Orders {
    public ControlledOrders(Map<String, String> environment) {
      super(Application.builder(ControlledOrders.class).name("Orders").environment(environment).context());
    }

    @Override
    protected ProcessRecorder constructRecorder(InfrastructureFactory factory) {
      return new ControlledRecorder(factory.processRecorder());
    }
  }

  public static class ControlledReservations extends Reservations {
    public ControlledReservations(Map<String, String> environment) {
      super(Application.builder(ControlledReservations.class).name("Reservations").environment(environment)
          .context());
    }

    @Override
    protected ProcessRecorder constructRecorder(InfrastructureFactory factory) {
      return new ControlledRecorder(factory.processRecorder());
    }
  }

  private static Runner runner(Duration pollInterval) {
    CONTROLS.reset();
    return new MultiThreadedRunner(SYSTEM,
        type -> type == ControlledOrders.class ? new ControlledOrders(MEMORY) : new ControlledReservations(MEMORY),
        pollInterval, Worker::newDaemonThread);
  }

  @Test
  void aFollowerIsProcessedOnlyWhileItHoldsItsLeaseAndGivesItBackWhenStopped() {
    Runner runner = runner(Duration.ofMillis(20));
    runner.start();
    try {
      Orders orders = runner.get(ControlledOrders.class);
      Reservations reservations = runner.get(ControlledReservations.class);
      orders.createOrder("before the lease");
      int tries = CONTROLS.tries.get();
      await().atMost(Duration.ofSeconds(30)).until(() -> CONTROLS.tries.get() >= tries + 3);
      assertThat(tracked(reservations)).as("processed without the lease").isZero();

      CONTROLS.available.set(true);
      await().atMost(Duration.ofSeconds(30)).until(() -> tracked(reservations) == 1);
      assertThat(CONTROLS.taken).hasSize(1);

      CONTROLS.available.set(false);
      CONTROLS.taken.get(0).held.set(false);
      int afterLoss = CONTROLS.tries.get();
      await().atMost(Duration.ofSeconds(30)).until(() -> CONTROLS.tries.get() >= afterLoss + 3);
      assertThat(CONTROLS.taken.get(0).closed).as("the lost lease is closed").isTrue();
      orders.createOrder("while the lease is lost");
      int later = CONTROLS.tries.get();
      await().atMost(Duration.ofSeconds(30)).until(() -> CONTROLS.tries.get() >= later + 3);
      assertThat(tracked(reservations)).as("processed after the lease was lost").isEqualTo(1);

      CONTROLS.available.set(true);
      await().atMost(Duration.ofSeconds(30)).until(() -> tracked(reservations) == 2);
      assertThat(CONTROLS.taken).hasSize(2);
      assertThat(CONTROLS.taken.get(1).closed).isFalse();
    } finally {
      runner.stop();
    }
    assertThat(CONTROLS.taken.get(1).closed).as("given back when the runner stops").isTrue();
    assertThat(runner.failures()).isEmpty();
  }

  @Test
  void aLeadersSignalPromptsItsFollowersBeforeThePollInterval() {
    Runner runner = runner(Duration.ofHours(1));
    CONTROLS.available.set(true);
    runner.start();
    try {
      Orders orders = runner.get(ControlledOrders.class);
      Reservations reservations = runner.get(ControlledReservations.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> CONTROLS.taken.size() == 1);
      assertThat(CONTROLS.listeners).as("the runner subscribed to the leader").hasSize(1);

      // Recorded as another process would: no save of this process's application, so no save listener, and the
      // poll interval is an hour: only the signal has the follower process them.
      for (int i = 1; i <= 2; i++) {
        recordElsewhere(orders, "from elsewhere " + i);
        CONTROLS.signal();
        long expected = i;
        await().atMost(Duration.ofSeconds(30)).until(() -> tracked(reservations) == expected);
      }
    } finally {
      runner.stop();
    }
    assertThat(CONTROLS.listeners).as("the subscription is closed when the runner stops").isEmpty();
  }

  private static void recordElsewhere(Orders orders, String item) {
    orders.recorder().insertEvents(
        new Order(item).collectEvents().stream().map(orders.mapper()::toStoredEvent).toList());
  }

  private static long tracked(Reservations reservations) {
    Long tracked = reservations.recorder().maxTrackingId("Orders");
    return tracked == null ? 0 : tracked;
  }
}
