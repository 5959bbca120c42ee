package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Runs a system deterministically, on the threads that save: when a leader's {@code save} returns, every follower
 * downstream of it has processed the saved events, and what those followers recorded in turn, until nothing new is
 * recorded. A follower processes everything its leader recorded since the follower last processed, so it also
 * catches up on what its leaders wrote while it was not running when it is next prompted. Saves on several
 * threads are processed one after the other. Suited to tests, and to systems whose processing may slow down
 * every save.
 *
 * <p>A follower that fails stops: the leader's {@code save} still returns normally (its events are recorded) and
 * {@link #stop()} throws the failure.
 */
public final class SingleThreadedRunner implements Runner {
  private final EventSystem system;
  private final Map<String, String> environment;
  private final RunnerState state = new RunnerState("SingleThreadedRunner");
  private final ReentrantLock processing = new ReentrantLock();
  // Guarded by processing:
  private final Set<Application> prompted = new LinkedHashSet<>();
  private final Set<ProcessApplication> failed = new HashSet<>();
  private boolean draining;
  private @Nullable RunningApplications applications;

  public SingleThreadedRunner(EventSystem system, Map<String, String> environment) {
    this.system = system;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void start() {
    processing.lock();
    try {
      RunningApplications running = state.start(system, RunnerState.builtWith(environment));
      applications = running;
      for (Application application : running.all()) {
        if (!running.followersOf(application).isEmpty()) {
          application.addSaveListener(ids -> prompt(application));
        }
      }
    } finally {
      processing.unlock();
    }
  }

  @Override
  public void stop() {
    // Marked stopped first, so that a follower retrying a transient failure on a saving thread gives up; then
    // the lock waits for that thread to be done.
    RunningApplications stopping = state.stop();
    processing.lock();
    processing.unlock();
    if (stopping != null) {
      state.close(stopping);
    }
  }

  @Override
  public <A extends Application> A get(Class<A> type) {
    return state.get(type);
  }

  @Override
  public List<Application> applications() {
    return state.applications();
  }

  @Override
  public List<Throwable> failures() {
    return state.failures();
  }

  @Override
  public List<FollowerState> followers() {
    return state.followers();
  }

  /** Has the leader's followers, and theirs, process what is new, unless this thread is doing so already. */
  private void prompt(Application leader) {
    processing.lock();
    try {
      if (!state.isRunning()) {
        return;
      }
      prompted.add(leader);
      if (draining) {
        return;
      }
      draining = true;
      try {
        drain();
      } finally {
        draining = false;
      }
    } finally {
      processing.unlock();
    }
  }

  private void drain() {
    RunningApplications running = Objects.requireNonNull(applications);
    while (!prompted.isEmpty()) {
      Iterator<Application> next = prompted.iterator();
      Application leader = next.next();
      next.remove();
      for (ProcessApplication follower : running.followersOf(leader)) {
        if (failed.contains(follower)) {
          continue;
        }
        try {
          follower.pullAndProcess(leader.name(), state::isRunning);
        } catch (RuntimeException | Error e) {
          failed.add(follower);
          state.fail(follower, e);
        }
      }
    }
  }
}
