package dev.eventsourcing.bench.latency;

import dev.eventsourcing.bench.PostgresServer;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Runner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The latency from a commit in one JVM to a follower's processing in another, on PostgreSQL with the durability
 * of a real server: this JVM runs the follower in a {@link MultiThreadedRunner} with the default poll interval
 * (one second), and starts a second JVM that saves probes, one per transaction, at random intervals of 50 to 150
 * ms, and prints the {@link System#nanoTime()} at which each save returned (both JVMs read the same monotonic clock
 * of the machine). Measured twice: with the store's notifications ({@code POSTGRES_NOTIFY=true}, the default) and
 * with polling alone ({@code POSTGRES_NOTIFY=false}). The first probes of each are not counted.
 *
 * <pre>{@code java -cp es-bench/target/es-bench.jar dev.eventsourcing.bench.latency.FollowerLatency [probes]}</pre>
 */
public final class FollowerLatency {
  private static final int WARM_UP = 20;

  private FollowerLatency() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--writer")) {
      write(Integer.parseInt(args[1]));
      return;
    }
    int probes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path work = Files.createTempDirectory("es-bench-latency");
    try (PostgresServer server = PostgresServer.embedded(work.resolve("postgres"))) {
      System.out.println("PostgreSQL: " + server.description());
      for (boolean notify : new boolean[] {true, false}) {
        List<Double> millis = measure(server, notify, probes);
        System.out.printf(Locale.ROOT, "%s: %d probes, median %.1f ms, 99th percentile %.1f ms, max %.1f ms%n",
            notify ? "push (POSTGRES_NOTIFY=true)" : "poll (POSTGRES_NOTIFY=false)", millis.size(),
            percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
      }
    }
  }

  private static List<Double> measure(PostgresServer server, boolean notify, int probes) throws Exception {
    Map<String, String> environment = new HashMap<>(server.libraryEnvironment());
    environment.put(InfrastructureFactory.PERSISTENCE_MODULE, "postgres");
    environment.put("POSTGRES_SCHEMA", notify ? "latency_push" : "latency_poll");
    environment.put("POSTGRES_NOTIFY", String.valueOf(notify));
    Map<UUID, Long> committed = new HashMap<>();
    Map<UUID, Long> processed;
    try (Runner runner = new MultiThreadedRunner(
        new EventSystem(List.of(List.of(Probes.class, ProbeFollower.class))), environment)) {
      runner.start();
      processed = runner.get(ProbeFollower.class).processed();
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          FollowerLatency.class.getName(), "--writer", String.valueOf(probes))
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().putAll(environment);
      Process writer = builder.start();
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          String[] fields = line.split(" ");
          committed.put(UUID.fromString(fields[0]), Long.parseLong(fields[1]));
        }
      } finally {
        if (!writer.waitFor(1, TimeUnit.MINUTES)) {
          writer.destroyForcibly();
        }
      }
      if (writer.exitValue() != 0 || committed.size() != probes) {
        throw new IllegalStateException("the writer JVM failed, after " + committed.size() + " probes");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!processed.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      if (!processed.keySet().containsAll(committed.keySet())) {
        throw new IllegalStateException("the follower did not process every probe");
      }
    }
    List<Map.Entry<UUID, Long>> inOrder = new ArrayList<>(committed.entrySet());
    inOrder.sort(Map.Entry.comparingByValue());
    List<Double> millis = new ArrayList<>();
    for (Map.Entry<UUID, Long> probe : inOrder.subList(WARM_UP, inOrder.size())) {
      millis.add((processed.get(probe.getKey()) - probe.getValue()) / 1e6);
    }
    Collections.sort(millis);
    return millis;
  }

  /** The writer JVM: saves probes and prints each one's id and the time its save returned. */
  private static void write(int probes) throws InterruptedException {
    try (Probes application = new Probes(Map.of())) {
      for (int i = 0; i < probes; i++) {
        UUID id = application.send();
        System.out.println(id + " " + System.nanoTime());
        System.out.flush();
        Thread.sleep(ThreadLocalRandom.current().nextLong(50, 151));
      }
    }
  }

  /** The nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

}
