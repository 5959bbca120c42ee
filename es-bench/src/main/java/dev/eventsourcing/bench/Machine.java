package dev.eventsourcing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A description of the machine and JVM the benchmark runs on, for the results. */
final class Machine {
  private Machine() {}

  static String describe() {
    long memory = 0;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return String.format(Locale.ROOT, "%d cores (%s), %.0f GB memory, %s %s, Java %s (%s)",
        Runtime.getRuntime().availableProcessors(), cpuModel(), memory / 1e9, System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
  }

  /** The 1-minute load average, or a note that the system does not report it: other work skews the figures. */
  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "not reported" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the architecture will do
    }
    return System.getProperty("os.arch");
  }
}
