package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.Concurrently;
import dev.eventsourcing.persistence.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of process applications, systems and both runners on a store, after the Python library's system
 * tests: an orders, reservations and payments pipeline; restarts mid-stream; a failing policy and its retry;
 * catching up on 10,000 events; prompts missed and caught up by polling; concurrent leaders. Every test checks
 * that each upstream event was processed exactly once: downstream events record the upstream notification ids
 * they came from, and must match the upstream log one for one, in order.
 *
 * <p>A store's test is a subclass that gives the settings selecting the store.
 */
public abstract class SystemTestCase {
  /** A guard against a hung runner, not a timing check. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private static final EventSystem PIPELINE = new EventSystem(List.of(
      List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));
  private static final EventSystem RESERVING = new EventSystem(List.of(List.of(Orders.class, Reservations.class)));

  /** The two runners, made the same way. */
  protected enum Kind {
    SINGLE_THREADED(SingleThreadedRunner::new),
    MULTI_THREADED(MultiThreadedRunner::new);

    private final BiFunction<EventSystem, Map<String, String>, Runner> constructor;

    Kind(BiFunction<EventSystem, Map<String, String>, Runner> constructor) {
      this.constructor = constructor;
    }
  }

  private final List<Runner> runners = new ArrayList<>();
  private final List<Application> applications = new ArrayList<>();
  private @Nullable Map<String, String> settings;

  /**
   * The settings that select and configure the store under test: an empty store, which every application
   * constructed with these settings shares (as the tables of one database). Called once in each test.
   */
  protected abstract Map<String, String> environment();

  /** Called after each test once its runners are stopped and its applications closed. */
  protected void cleanUp() {}

  @AfterEach
  final void stopRunners() {
    try {
      for (Runner runner : runners) {
        try {
          runner.stop();
        } catch (RuntimeException e) {
          // A test that expects a failure has checked it; one that does not has failed already.
        }
      }
      applications.forEach(Application::close);
    } finally {
      runners.clear();
      applications.clear();
      settings = null;
      cleanUp();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void ordersAreReservedAndPaidByTheSystem(Kind kind) {
    Runner runner = start(kind, PIPELINE, Map.of());
    Orders orders = runner.get(Orders.class);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(orders.createOrder("item " + i));
    }

    awaitPaid(orders, ids.size());
    for (UUID id : ids) {
      Order order = orders.get(id);
      assertThat(order.isReserved()).isTrue();
      assertThat(order.isPaid()).isTrue();
      assertThat(order.version()).isEqualTo(3);
    }
    assertProcessedOnce(orders, runner.get(Reservations.class), runner.get(Payments.class));
    assertThat(runner.failures()).isEmpty();
  }

  @Test
  void theSingleThreadedRunnerHasProcessedEverythingDownstreamWhenSaveReturns() {
    Runner runner = start(Kind.SINGLE_THREADED, PIPELINE, Map.of());
    Orders orders = runner.get(Orders.class);

    UUID id = orders.createOrder("book");

    Order order = orders.get(id);
    assertThat(order.isReserved()).isTrue();
    assertThat(order.isPaid()).isTrue();
    assertProcessedOnce(orders, runner.get(Reservations.class), runner.get(Payments.class));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRestartMidStreamProcessesEveryEventOnce(Kind kind) {
    Runner first = start(kind, PIPELINE, Map.of());
    Orders orders = first.get(Orders.class);
    for (int i = 0; i < 40; i++) {
      orders.createOrder("first " + i);
    }
    first.stop();
    try (Orders alone = construct(Orders.class)) {
      for (int i = 0; i < 40; i++) {
        alone.createOrder("while stopped " + i);
      }
    }

    Runner second = start(kind, PIPELINE, Map.of());
    Orders restarted = second.get(Orders.class);
    // A single-threaded runner's followers catch up when they are next prompted.
    restarted.createOrder("after the restart");

    awaitPaid(restarted, 81);
    assertProcessedOnce(restarted, second.get(Reservations.class), second.get(Payments.class));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFailingPolicyRecordsNothingStopsTheFollowerAndIsRetriedAfterARestart(Kind kind) {
    Runner first = start(kind, RESERVING, Map.of("RESERVATIONS_" + Reservations.FAIL_ON_ITEM, "broken"));
    Orders orders = first.get(Orders.class);
    orders.createOrder("fine");
    awaitReserved(orders, first.get(Reservations.class));
    orders.createOrder("broken");
    orders.createOrder("after the broken one");
    long broken = created(orders).get(1).id();
    long fine = created(orders).get(0).id();

    await().atMost(PATIENCE).until(() -> !first.failures().isEmpty());
    assertThatThrownBy(first::stop)
        .isInstanceOf(ProcessingException.class)
        .hasMessageContaining("application Reservations")
        .hasMessageContaining("notification " + broken + " of Orders")
        .hasRootCauseMessage("no stock of broken");
    try (Reservations reservations = construct(Reservations.class)) {
      assertThat(reservations.recorder().maxTrackingId("Orders")).isEqualTo(fine);
      assertThat(upstreamIds(reservations)).containsExactly(fine);
    }

    Runner second = start(kind, RESERVING, Map.of());
    Orders restarted = second.get(Orders.class);
    restarted.createOrder("after the restart");
    Reservations reservations = second.get(Reservations.class);
    awaitReserved(restarted, reservations);
    assertProcessedOnce(restarted, reservations, null);
    assertThat(second.failures()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFollowerStartedLaterCatchesUpOnTenThousandEvents(Kind kind) {
    try (Orders alone = construct(Orders.class)) {
      for (int save = 0; save < 20; save++) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          items.add("item " + save + "/" + i);
        }
        alone.createOrders(items);
      }
    }

    Runner runner = start(kind, RESERVING, Map.of("RESERVATIONS_" + ProcessApplication.PROCESSING_BATCH_SIZE, "100"));
    Orders orders = runner.get(Orders.class);
    orders.createOrder("the prompt");

    Reservations reservations = runner.get(Reservations.class);
    awaitReserved(orders, reservations);
    assertThat(upstreamIds(reservations)).hasSize(10_001);
    assertProcessedOnce(orders, reservations, null);
  }

  @Test
  void aFollowerThatMissesPromptsCatchesUpByPolling() {
    Runner runner = track(new MultiThreadedRunner(RESERVING, settings(Map.of()), Duration.ofMillis(100)));
    runner.start();
    Reservations reservations = runner.get(Reservations.class);
    try (Orders elsewhere = construct(Orders.class)) {
      // Saved by an application the runner does not run, as by another process: no prompt reaches the follower.
      for (int i = 0; i < 20; i++) {
        elsewhere.createOrder("unprompted " + i);
      }
      awaitReserved(elsewhere, reservations);
      assertProcessedOnce(elsewhere, reservations, null);
    }
  }

  @Test
  void concurrentLeadersAndAFollowerNeitherSkipNorRepeatAnEvent() {
    Runner runner = start(Kind.MULTI_THREADED, RESERVING, Map.of());
    Orders prompting = runner.get(Orders.class);
    Orders unprompting = construct(Orders.class);
    Concurrently.run(4, thread -> {
      Orders orders = thread % 2 == 0 ? prompting : unprompting;
      for (int i = 0; i < 25; i++) {
        orders.createOrder("thread " + thread + " order " + i);
      }
    });

    Reservations reservations = runner.get(Reservations.class);
    awaitReserved(prompting, reservations);
    assertThat(upstreamIds(reservations)).hasSize(100);
    assertProcessedOnce(prompting, reservations, null);
  }

  @Test
  void twoRunnersOfOneFollowerOnOneStoreProcessEachNotificationOnce() {
    try (Orders alone = construct(Orders.class)) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        items.add("before " + i);
      }
      alone.createOrders(items);
    }
    // Both runners' followers catch up on the same notifications at once; the one that commits second conflicts on
    // the tracking record, and goes on after what the other recorded.
    Runner first = start(Kind.MULTI_THREADED, RESERVING, Map.of());
    Runner second = start(Kind.MULTI_THREADED, RESERVING, Map.of());
    Orders orders = first.get(Orders.class);
    for (int i = 0; i < 20; i++) {
      orders.createOrder("after " + i);
    }

    awaitReserved(orders, first.get(Reservations.class));
    awaitReserved(orders, second.get(Reservations.class));
    assertProcessedOnce(orders, first.get(Reservations.class), null);
    assertThat(first.failures()).isEmpty();
    assertThat(second.failures()).isEmpty();
  }

  @Test
  void aBatchWhoseNotificationsChangeOneAggregateIsProcessedAgainOneByOne() {
    EventSystem counting = new EventSystem(List.of(List.of(Orders.class, Tallies.class)));
    Runner runner = start(Kind.SINGLE_THREADED, counting, Map.of("TALLIES_" + ProcessApplication.PROCESSING_BATCH_SIZE, "10"));
    Orders orders = runner.get(Orders.class);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      items.add("item " + i);
    }
    orders.createOrders(items);

    Tallies tallies = runner.get(Tallies.class);
    Tally tally = tallies.repository().get(Tally.ID, Tally.class);
    assertThat(tally.count()).isEqualTo(25);
    assertThat(payloads(tallies, Tally.Counted.class))
        .extracting(Tally.Counted::upstreamNotificationId)
        .containsExactlyElementsOf(created(orders).stream().map(Notification::id).toList());
    assertThat(tallies.recorder().maxTrackingId("Orders")).isEqualTo(25);
    assertThat(runner.failures()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void eventsCollectedAsTheyAreAreRecordedWithTheTrackingRecordOnceAcrossARestart(Kind kind) {
    EventSystem counting = new EventSystem(List.of(List.of(Orders.class, Counts.class)));
    Runner first = start(kind, counting, Map.of());
    Orders orders = first.get(Orders.class);
    for (int i = 0; i < 20; i++) {
      orders.createOrder("first " + i);
    }
    first.stop();
    try (Orders alone = construct(Orders.class)) {
      for (int i = 0; i < 20; i++) {
        alone.createOrder("while stopped " + i);
      }
    }

    Runner second = start(kind, counting, Map.of());
    Orders restarted = second.get(Orders.class);
    restarted.createOrder("after the restart");
    Counts counts = second.get(Counts.class);
    await().atMost(PATIENCE).until(() -> Long.valueOf(41).equals(counts.recorder().maxTrackingId("Orders")));

    assertCountedOnce(restarted, counts);
    assertThat(second.failures()).isEmpty();
  }

  @Test
  void aBatchWhoseCollectedEventsConflictIsProcessedAgainOneByOneKeepingNothingOfIt() {
    EventSystem counting = new EventSystem(List.of(List.of(Orders.class, Counts.class)));
    Runner runner = start(Kind.SINGLE_THREADED, counting, Map.of("COUNTS_" + ProcessApplication.PROCESSING_BATCH_SIZE, "10"));
    Orders orders = runner.get(Orders.class);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      items.add("item " + i);
    }
    orders.createOrders(items);

    Counts counts = runner.get(Counts.class);
    assertCountedOnce(orders, counts);
    assertThat(counts.recorder().maxTrackingId("Orders")).isEqualTo(25);
    assertThat(runner.failures()).isEmpty();
  }

  /**
   * Every order was reserved once and counted once, in log order: the count's events are its versions 1 to n, and
   * nothing of a batch that conflicted was kept.
   */
  private static void assertCountedOnce(Orders orders, Counts counts) {
    List<Long> created = created(orders).stream().map(Notification::id).toList();
    assertThat(payloads(counts, Counts.Counted.class)).extracting(Counts.Counted::upstreamNotificationId)
        .containsExactlyElementsOf(created);
    assertThat(notifications(counts, Counts.Counted.class)).extracting(Notification::originatorVersion)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, created.size()).boxed().toList());
    assertThat(payloads(counts, Reservation.Created.class)).extracting(Reservation.Created::upstreamNotificationId)
        .containsExactlyElementsOf(created);
  }

  /** Every order was reserved once, in log order; and, if payments are given, every reserved order paid once. */
  private static void assertProcessedOnce(Orders orders, Reservations reservations, @Nullable Payments payments) {
    List<Notification> created = created(orders);
    List<Reservation.Created> reserved = payloads(reservations, Reservation.Created.class);
    assertThat(reserved).extracting(Reservation.Created::upstreamNotificationId)
        .as("the upstream notification of each reservation")
        .containsExactlyElementsOf(created.stream().map(Notification::id).toList());
    assertThat(reserved).extracting(Reservation.Created::orderId)
        .containsExactlyElementsOf(created.stream().map(Notification::originatorId).toList());
    if (payments != null) {
      List<UUID> reservedOrders =
          notifications(orders, Order.Reserved.class).stream().map(Notification::originatorId).toList();
      assertThat(reservedOrders).doesNotHaveDuplicates().hasSameSizeAs(created);
      assertThat(payloads(payments, Payment.Created.class)).extracting(Payment.Created::orderId)
          .containsExactlyElementsOf(reservedOrders);
      assertThat(notifications(orders, Order.Paid.class)).extracting(Notification::originatorId)
          .doesNotHaveDuplicates().hasSameSizeAs(created);
    }
  }

  private static void awaitPaid(Orders orders, int count) {
    await().atMost(PATIENCE).until(() -> notifications(orders, Order.Paid.class).size() >= count);
  }

  /** Waits until the reservations have tracked the last order created so far. */
  private static void awaitReserved(Orders orders, Reservations reservations) {
    List<Notification> created = created(orders);
    long last = created.get(created.size() - 1).id();
    await().atMost(PATIENCE).until(() -> {
      Long tracked = reservations.recorder().maxTrackingId(orders.name());
      return tracked != null && tracked >= last;
    });
  }

  private static List<Notification> created(Orders orders) {
    return notifications(orders, Order.Created.class);
  }

  private static List<Long> upstreamIds(Reservations reservations) {
    return payloads(reservations, Reservation.Created.class).stream()
        .map(Reservation.Created::upstreamNotificationId).toList();
  }

  /** An application's notifications of events of the given payload type, in order. */
  private static List<Notification> notifications(Application application, Class<?> payloadType) {
    List<Notification> all = new ArrayList<>();
    Set<String> topics = Set.of(Topics.of(payloadType));
    while (true) {
      long start = all.isEmpty() ? 1 : all.get(all.size() - 1).id() + 1;
      List<Notification> page = application.recorder().selectNotifications(start, 1000, null, topics);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
    }
  }

  private static <T> List<T> payloads(Application application, Class<T> payloadType) {
    return notifications(application, payloadType).stream()
        .map(notification -> payloadType.cast(application.mapper().toDomainEvent(notification).payload()))
        .toList();
  }

  private Runner start(Kind kind, EventSystem system, Map<String, String> extra) {
    Runner runner = track(kind.constructor.apply(system, settings(extra)));
    runner.start();
    return runner;
  }

  private Runner track(Runner runner) {
    runners.add(runner);
    return runner;
  }

  /** An application of the test's store outside any runner, closed after the test. */
  private <A extends Application> A construct(Class<A> type) {
    A application = Application.builder(type).environment(settings(Map.of())).build();
    applications.add(application);
    return application;
  }

  private Map<String, String> settings(Map<String, String> extra) {
    if (settings == null) {
      settings = Map.copyOf(environment());
    }
    Map<String, String> merged = new HashMap<>(settings);
    merged.putAll(extra);
    return merged;
  }
}
