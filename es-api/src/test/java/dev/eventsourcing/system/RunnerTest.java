package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The system's declarations and the runners' errors, which do not depend on the store. */
class RunnerTest {
  private static final Map<String, String> MEMORY = Map.of("PERSISTENCE_MODULE", "memory");
  private static final EventSystem PIPELINE = new EventSystem(List.of(
      List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));

  /** Not a process application, so it can lead but not follow. */
  public static class Catalogue extends Application {}

  /** Holds a class named as another application of a system. */
  public static final class Other {
    private Other() {}

    public static class Orders extends ProcessApplication {
      @Override
      protected void policy(DomainEvent<?> event, ProcessingEvent processing) {}
    }
  }

  @Test
  void aSystemKnowsItsLeadersFollowersAndPipesWithACycle() {
    assertThat(PIPELINE.applications()).containsExactly(Orders.class, Reservations.class, Payments.class);
    assertThat(PIPELINE.leaders()).containsExactly(Orders.class, Reservations.class, Payments.class);
    assertThat(PIPELINE.followers()).containsExactly(Reservations.class, Orders.class, Payments.class);
    assertThat(PIPELINE.leadersOf(Orders.class)).containsExactly(Reservations.class, Payments.class);
    assertThat(PIPELINE.followersOf(Orders.class)).containsExactly(Reservations.class, Payments.class);
    assertThat(PIPELINE.leadersOf(Reservations.class)).containsExactly(Orders.class);
    assertThat(PIPELINE.contains(Catalogue.class)).isFalse();
  }

  @Test
  void aFollowerMustBeAProcessApplication() {
    assertThatThrownBy(() -> new EventSystem(List.of(List.of(Orders.class, Catalogue.class))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Catalogue.class.getName())
        .hasMessageContaining("not a ProcessApplication");
    assertThat(new EventSystem(List.of(List.of(Catalogue.class, Reservations.class))).leaders())
        .containsExactly(Catalogue.class);
    assertThatThrownBy(() -> new EventSystem(List.of(List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aRunnerStartsOnceAndGetsOnlyItsApplicationsWhileRunning(boolean multiThreaded) {
    Runner runner = multiThreaded ? new MultiThreadedRunner(PIPELINE, MEMORY) : new SingleThreadedRunner(PIPELINE, MEMORY);
    assertThatThrownBy(() -> runner.get(Orders.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start it first");
    runner.stop();

    runner.start();
    try {
      assertThatThrownBy(runner::start)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("was started before");
      assertThatThrownBy(() -> runner.get(Catalogue.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Catalogue.class.getName())
          .hasMessageContaining("[Orders, Reservations, Payments]");
      assertThat(runner.get(Orders.class)).isSameAs(runner.get(Orders.class));
    } finally {
      runner.stop();
    }
    assertThatThrownBy(() -> runner.get(Orders.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    runner.stop();
  }

  @Test
  void applicationsOfOneSystemMustHaveDifferentNames() {
    Runner runner = new SingleThreadedRunner(
        new EventSystem(List.of(List.of(Orders.class, Other.Orders.class))), MEMORY);
    assertThatThrownBy(runner::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both named Orders");
  }

  @Test
  void theRunnersSettingsReachEachApplicationWithItsPrefix() {
    Runner runner = new SingleThreadedRunner(PIPELINE, Map.of(
        "PERSISTENCE_MODULE", "memory", "RESERVATIONS_" + Reservations.FAIL_ON_ITEM, "broken"));
    runner.start();
    try {
      assertThat(runner.get(Reservations.class).environment().get(Reservations.FAIL_ON_ITEM)).isEqualTo("broken");
      assertThat(runner.get(Payments.class).environment().get(Reservations.FAIL_ON_ITEM)).isNull();
    } finally {
      runner.stop();
    }
  }

  @Test
  void aProcessApplicationFollowsEachLeaderOnce() {
    try (Orders orders = new Orders(MEMORY); Reservations reservations = new Reservations(MEMORY)) {
      reservations.follow(orders);
      assertThatThrownBy(() -> reservations.follow(orders))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already follows");
      assertThatThrownBy(() -> reservations.pullAndProcess("Payments"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not follow");

      orders.createOrder("by hand");
      assertThat(reservations.pullAndProcess("Orders")).isEqualTo(1);
      assertThat(reservations.pullAndProcess("Orders")).isZero();
    }
  }

  @Test
  void aMultiThreadedRunnerUsesTheGivenConstructionAndThreads() {
    List<Class<?>> constructed = new CopyOnWriteArrayList<>();
    AtomicInteger threads = new AtomicInteger();
    Runner runner = new MultiThreadedRunner(PIPELINE,
        type -> {
          constructed.add(type);
          return Application.builder(type).environment(MEMORY).build();
        },
        Duration.ofMillis(50),
        work -> {
          threads.incrementAndGet();
          Thread thread = new Thread(work);
          thread.setDaemon(true);
          return thread;
        });
    runner.start();
    try {
      assertThat(constructed).containsExactlyInAnyOrder(Orders.class, Reservations.class, Payments.class);
      assertThat(threads).hasValue(3);
      UUID id = runner.get(Orders.class).createOrder("made by the runner's own construction");
      await().atMost(Duration.ofSeconds(30))
          .until(() -> runner.get(Orders.class).get(id).isPaid());
    } finally {
      runner.stop();
    }
  }

  /** Subclasses of the system's classes, as a container constructs to intercept their methods. */
  public static class InterceptedOrders extends Orders {}

  public static class InterceptedReservations extends Reservations {}

  public static class InterceptedPayments extends Payments {}

  @Test
  void aConstructionMayReturnSubclassesOfTheSystemsClassesWhichAreConnectedAsTheirClasses() {
    Map<Class<?>, Class<? extends Application>> subclasses = Map.of(Orders.class, InterceptedOrders.class,
        Reservations.class, InterceptedReservations.class, Payments.class, InterceptedPayments.class);
    Runner runner = new MultiThreadedRunner(PIPELINE,
        type -> Application.builder(subclasses.get(type)).environment(MEMORY).name(type.getSimpleName()).build(),
        Duration.ofMillis(50), Thread::new);
    runner.start();
    try {
      assertThat(runner.get(Orders.class)).isInstanceOf(InterceptedOrders.class);
      UUID id = runner.get(Orders.class).createOrder("made by subclasses");
      await().atMost(Duration.ofSeconds(30))
          .until(() -> runner.get(Orders.class).get(id).isPaid());
    } finally {
      runner.stop();
    }
  }

  @Test
  void aConstructionThatReturnsAnotherClassIsRefused() {
    Runner runner = new MultiThreadedRunner(PIPELINE, type -> new Catalogue(), Duration.ofSeconds(1),
        Thread::new);
    assertThatThrownBy(runner::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returned a " + Catalogue.class.getName());
  }
}
