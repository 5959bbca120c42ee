package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackOffTest {
  @Test
  void delaysDoubleFromTheFirstUpToTheLongestAndStartAgainAfterAReset() {
    BackOff backOff = new BackOff(Duration.ofMillis(100), Duration.ofMillis(1000));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      delays.add(backOff.next().toMillis());
    }
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);

    backOff.reset();
    assertThat(backOff.next()).isEqualTo(Duration.ofMillis(100));
    assertThat(backOff.next()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aLongestDelayOfHoursDoesNotOverflow() {
    BackOff backOff = new BackOff(Duration.ofMillis(1), Duration.ofHours(1));
    Duration last = Duration.ZERO;
    for (int i = 0; i < 100; i++) {
      last = backOff.next();
      assertThat(last).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
    }
    assertThat(last).isEqualTo(Duration.ofHours(1));
  }
}
