package dev.eventsourcing.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Orders;
import dev.eventsourcing.system.Reservations;
import dev.eventsourcing.system.Runner;
import dev.eventsourcing.system.SingleThreadedRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micrometer is an optional dependency of es-api: a user without it runs systems as before, and no class of
 * Micrometer is loaded. Run in a JVM whose class path is this one without Micrometer's jars, which logs every class
 * it loads.
 */
class MicrometerOptionalTest {
  @TempDir Path dir;

  /** Runs a system in both runners, saving and reading the followers' states, on a class path without Micrometer. */
  public static final class WithoutMicrometer {
    public static void main(String[] args) {
      try {
        Class.forName("io.micrometer.core.instrument.MeterRegistry");
        throw new AssertionError("Micrometer is on the class path");
      } catch (ClassNotFoundException expected) {
        // as it should be
      }
      EventSystem system = new EventSystem(List.of(List.of(Orders.class, Reservations.class)));
      for (Runner runner : List.of(new SingleThreadedRunner(system, Map.of("PERSISTENCE_MODULE", "memory")),
          new MultiThreadedRunner(system, Map.of("PERSISTENCE_MODULE", "memory")))) {
        runner.start();
        runner.get(Orders.class).createOrders(List.of("a", "b"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runner.followers().get(0).lag() != 0 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        if (runner.followers().get(0).lag() != 0) {
          throw new AssertionError("the follower did not catch up: " + runner.followers());
        }
        runner.stop();
      }
      System.out.println("OK");
    }
  }

  @Test
  void aUserWithoutMicrometerRunsSystemsAndLoadsNoneOfItsClasses() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains(File.separator + "io" + File.separator + "micrometer" + File.separator)
            && !Path.of(entry).getFileName().toString().startsWith("micrometer-"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).isNotEqualTo(System.getProperty("java.class.path"));
    Path output = dir.resolve("out.txt");
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "-cp", classPath, WithoutMicrometer.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();

    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String printed = Files.readString(output);
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed).endsWith("OK\n")
        .contains("dev.eventsourcing.system.FollowerObserver")
        .contains("dev.eventsourcing.system.MultiThreadedRunner")
        .doesNotContain("io.micrometer");
  }
}
