package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What both runners keep: the running applications, whether the runner has started or stopped, and the first
 * failure of a follower. Safe to use from many threads.
 */
final class RunnerState {
  private static final System.Logger LOGGER = System.getLogger(Runner.class.getName());

  private final String runner;
  private @Nullable RunningApplications applications;
  private boolean started;
  private boolean stopped;
  private final List<Throwable> failures = new ArrayList<>();
  private final Map<ProcessApplication, Throwable> stoppedBy = new IdentityHashMap<>();

  RunnerState(String runner) {
    this.runner = runner;
  }

  /** Constructs the system's applications. */
  synchronized RunningApplications start(
      EventSystem system, Function<Class<? extends Application>, ? extends Application> construct) {
    if (started) {
      throw new IllegalStateException(runner + " was started before: a runner runs once, construct another");
    }
    started = true;
    applications = RunningApplications.start(system, construct);
    return applications;
  }

  synchronized boolean isRunning() {
    return applications != null && !stopped;
  }

  synchronized <A extends Application> A get(Class<A> type) {
    if (applications == null || stopped) {
      throw new IllegalStateException(runner + " is not running: " + (stopped ? "it was stopped" : "start it first"));
    }
    return applications.get(type);
  }

  synchronized List<Application> applications() {
    if (applications == null || stopped) {
      throw new IllegalStateException(runner + " is not running: " + (stopped ? "it was stopped" : "start it first"));
    }
    return applications.all();
  }

  /** Records that a follower stopped with a failure. */
  synchronized void fail(ProcessApplication follower, Throwable cause) {
    LOGGER.log(System.Logger.Level.ERROR, "application " + follower.name() + " stopped processing", cause);
    failures.add(cause);
    stoppedBy.putIfAbsent(follower, cause);
  }

  /** The state of each follower of each of its leaders, the lags read outside the lock. */
  List<FollowerState> followers() {
    RunningApplications running;
    Map<ProcessApplication, Throwable> stopped;
    synchronized (this) {
      if (applications == null || this.stopped) {
        throw new IllegalStateException(runner + " is not running: "
            + (this.stopped ? "it was stopped" : "start it first"));
      }
      running = applications;
      stopped = new IdentityHashMap<>(stoppedBy);
    }
    List<FollowerState> states = new ArrayList<>();
    for (ProcessApplication follower : running.followers()) {
      Throwable error = stopped.get(follower);
      for (Application leader : running.leadersOf(follower)) {
        states.add(new FollowerState(follower.name(), leader.name(),
            error == null ? FollowerState.Status.RUNNING : FollowerState.Status.STOPPED, error,
            follower.lag(leader.name())));
      }
    }
    return List.copyOf(states);
  }

  synchronized List<Throwable> failures() {
    return List.copyOf(failures);
  }

  /**
   * Marks the runner stopped and returns its applications to close, or {@code null} if it is not running.
   */
  synchronized @Nullable RunningApplications stop() {
    if (applications == null || stopped) {
      return null;
    }
    stopped = true;
    return applications;
  }

  /** Closes the applications, then throws the first failure of a follower, if any. */
  void close(RunningApplications stopping) {
    RuntimeException closing = null;
    try {
      stopping.close();
    } catch (RuntimeException e) {
      closing = e;
    }
    List<Throwable> all = failures();
    Throwable first = all.isEmpty() ? null : all.get(0);
    if (first == null) {
      if (closing != null) {
        throw closing;
      }
      return;
    }
    all.subList(1, all.size()).forEach(first::addSuppressed);
    if (closing != null) {
      first.addSuppressed(closing);
    }
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    throw new ProcessingException(runner + ": a follower failed: " + first, first);
  }

  /** Constructs applications with their builder and these settings. */
  static Function<Class<? extends Application>, Application> builtWith(Map<String, String> environment) {
    Map<String, String> settings = Map.copyOf(environment);
    return type -> Application.builder(type).environment(settings).build();
  }
}
