package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Runs a system with one worker thread per follower. A leader's {@code save} prompts the workers of its followers
 * and returns at once; a prompted worker processes everything new in that leader's log. Each worker also polls all
 * its leaders when it has not been prompted for the poll interval, so it catches up on what was recorded without a
 * prompt (by another process, for instance); and it catches up on everything when it starts. A leader whose
 * recorder signals new notifications ({@link dev.eventsourcing.persistence.ApplicationRecorder#subscribe}, as the
 * PostgreSQL store does for what other processes record) prompts the workers of its followers too.
 *
 * <p>A worker processes only while it holds its follower's lease ({@link
 * dev.eventsourcing.persistence.ProcessRecorder#tryLease}): with a store shared by several processes that offers
 * leases, each follower is processed in one process at a time, and the others try to take its lease at each poll
 * interval, so one of them takes over when the holder stops or dies. A worker that loses its lease stops processing
 * after the batch it is processing, and tries to take it again at the next poll interval. The worker gives the
 * lease back when it stops.
 *
 * <p>A transient failure of a follower's processing (an {@link dev.eventsourcing.persistence.OperationalException},
 * such as while its database restarts) does not stop its worker: it is retried with back-off (see {@link
 * ProcessingSettings}) until it works or the runner stops. A worker whose follower fails otherwise stops; the others
 * go on, and {@link #stop()} throws the failure. {@code stop()} lets each worker finish the batch it is processing,
 * and waits for it.
 */
public final class MultiThreadedRunner implements Runner {
  /** How long a worker waits for a prompt before it polls its leaders, unless given. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  private final EventSystem system;
  private final Function<Class<? extends Application>, ? extends Application> construct;
  private final Duration pollInterval;
  private final ThreadFactory threads;
  private final RunnerState state = new RunnerState("MultiThreadedRunner");
  private final List<Worker> workers = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();

  public MultiThreadedRunner(EventSystem system, Map<String, String> environment) {
    this(system, environment, DEFAULT_POLL_INTERVAL);
  }

  /**
   * @param pollInterval how long a worker waits for a prompt before it polls its leaders
   */
  public MultiThreadedRunner(EventSystem system, Map<String, String> environment, Duration pollInterval) {
    this(system, RunnerState.builtWith(environment), pollInterval, Worker::newDaemonThread);
  }

  /**
   * A runner whose applications are made by {@code construct} (for instance with an {@link
   * dev.eventsourcing.application.ApplicationBuilder} given a {@code DataSource}), and whose workers run on threads
   * from {@code threads} (for instance a Jakarta EE server's {@code ManagedThreadFactory}).
   *
   * @param construct makes the application of a class of the system, when the runner starts
   * @param pollInterval how long a worker waits for a prompt before it polls its leaders
   */
  public MultiThreadedRunner(EventSystem system,
      Function<Class<? extends Application>, ? extends Application> construct, Duration pollInterval,
      ThreadFactory threads) {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive, got " + pollInterval);
    }
    this.system = Objects.requireNonNull(system, "system");
    this.construct = Objects.requireNonNull(construct, "construct");
    this.pollInterval = pollInterval;
    this.threads = Objects.requireNonNull(threads, "threads");
  }

  @Override
  public synchronized void start() {
    RunningApplications applications = state.start(system, construct);
    Map<Application, List<Worker>> workersOf = new HashMap<>();
    for (ProcessApplication follower : applications.followers()) {
      Worker worker = new Worker(follower, applications.leadersOf(follower), pollInterval, state, threads);
      workers.add(worker);
      for (Application leader : applications.leadersOf(follower)) {
        workersOf.computeIfAbsent(leader, key -> new ArrayList<>()).add(worker);
      }
    }
    workersOf.forEach((leader, prompted) -> {
      Runnable prompt = () -> {
        for (Worker worker : prompted) {
          worker.prompt(leader.name());
        }
      };
      leader.addSaveListener(ids -> prompt.run());
      subscriptions.add(leader.recorder().subscribe(prompt));
    });
    workers.forEach(Worker::start);
  }

  @Override
  public synchronized void stop() {
    RunningApplications stopping = state.stop();
    if (stopping == null) {
      return;
    }
    subscriptions.forEach(Subscription::close);
    workers.forEach(Worker::stop);
    boolean interrupted = false;
    for (Worker worker : workers) {
      interrupted |= worker.await();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    state.close(stopping);
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
}
