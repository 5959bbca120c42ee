package dev.eventsourcing.system;

/**
 * Whether this package's JFR events can be used: the {@code jdk.jfr} module is visible to the library's class
 * loader. In a server that hides it from deployments (WildFly does, unless a deployment depends on the module
 * {@code jdk.jfr}), the event classes are never loaded and nothing is recorded.
 */
final class FlightRecorder {
  static final boolean AVAILABLE = isVisible();

  private FlightRecorder() {}

  private static boolean isVisible() {
    try {
      Class.forName("jdk.jfr.Event", false, FlightRecorder.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
