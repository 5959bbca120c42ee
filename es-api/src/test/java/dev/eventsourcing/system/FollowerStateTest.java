package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.system.FollowerState.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link Runner#followers()} tells of each follower: running or stopped by an error, and its lag. */
class FollowerStateTest {
  private static final EventSystem PIPELINE = new EventSystem(List.of(
      List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));
  private static final Map<String, String> SETTINGS =
      Map.of("PERSISTENCE_MODULE", "memory", "RESERVATIONS_" + Reservations.FAIL_ON_ITEM, "broken");

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFollowerStoppedByItsPolicyIsStoppedWithThatErrorAndFallsBehind(boolean multiThreaded) {
    Runner runner = multiThreaded
        ? new MultiThreadedRunner(PIPELINE, SETTINGS, Duration.ofMillis(20))
        : new SingleThreadedRunner(PIPELINE, SETTINGS);
    assertThatThrownBy(runner::followers).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start it first");
    runner.start();
    Throwable stopped;
    try {
      Orders orders = runner.get(Orders.class);
      orders.createOrder("first");
      // Orders: 1 created, 2 reserved, 3 paid.
      // Each follower of Orders reads only some topics: Reservations tracks 1, Payments 2, and each has read past
      // the notifications of other topics up to 3, so neither is behind.
      List<FollowerState> caughtUp = List.of(
          new FollowerState("Reservations", "Orders", Status.RUNNING, null, 0),
          new FollowerState("Orders", "Reservations", Status.RUNNING, null, 0),
          new FollowerState("Orders", "Payments", Status.RUNNING, null, 0),
          new FollowerState("Payments", "Orders", Status.RUNNING, null, 0));
      await().atMost(Duration.ofMinutes(1)).until(runner::followers, caughtUp::equals);

      orders.createOrder("broken"); // 4
      await().atMost(Duration.ofMinutes(1)).until(() -> !runner.failures().isEmpty());
      orders.createOrder("after"); // 5, not reserved
      await().atMost(Duration.ofMinutes(1)).until(() -> runner.followers().get(3).lag() == 0);
      List<FollowerState> states = runner.followers();
      FollowerState reservations = states.get(0);
      assertThat(reservations.name()).isEqualTo("Reservations");
      assertThat(reservations.status()).isEqualTo(Status.STOPPED);
      assertThat(reservations.error()).isSameAs(runner.failures().get(0))
          .isInstanceOf(ProcessingException.class)
          .hasMessageContaining("notification 4 of Orders")
          .hasRootCauseMessage("no stock of broken");
      assertThat(reservations.lag()).as("read up to 3 of 5, 4 and 5 left").isEqualTo(2);
      assertThat(states.subList(1, 4)).containsExactly(
          new FollowerState("Orders", "Reservations", Status.RUNNING, null, 0),
          new FollowerState("Orders", "Payments", Status.RUNNING, null, 0),
          new FollowerState("Payments", "Orders", Status.RUNNING, null, 0));
    } finally {
      stopped = catchThrowable(runner::stop);
    }
    assertThat(stopped).isInstanceOf(ProcessingException.class);
    assertThatThrownBy(runner::followers).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it was stopped");
  }
}
