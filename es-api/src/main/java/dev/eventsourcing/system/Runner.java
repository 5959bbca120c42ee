package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import java.util.List;

/**
 * Runs an {@link EventSystem}: constructs each of its applications once, with the runner's settings (each
 * application reads its own prefixed keys, as in {@link Application#Application(java.util.Map)}), connects each
 * follower to its leaders, and has followers process what their leaders record.
 *
 * <p>A runner runs once: {@link #start()}, then {@link #get} the applications and use them, then {@link #stop()}.
 * When a follower fails to process a notification, nothing is recorded for it and that follower stops; the others
 * go on, and {@code stop()} reports the failure. A new runner on the same stores resumes every follower after the
 * last notification it processed, so the failed notification is processed again.
 */
public interface Runner extends AutoCloseable {
  /**
   * Constructs and connects the system's applications and starts processing.
   *
   * @throws IllegalStateException if the runner was started before
   * @throws dev.eventsourcing.domain.EventSourcingException if an application can't be constructed; those
   *     constructed are closed again
   */
  void start();

  /**
   * Stops processing and closes the applications; does nothing if the runner is not running.
   *
   * @throws ProcessingException the first failure of a follower while the runner ran (later ones suppressed), after
   *     everything is stopped and closed
   */
  void stop();

  /**
   * The running application of the given class.
   *
   * @throws IllegalArgumentException if the class is not one of the system's applications
   * @throws IllegalStateException if the runner is not running
   */
  <A extends Application> A get(Class<A> type);

  /**
   * The running applications, in the order of the system's applications: what metrics and health checks observe.
   *
   * @throws IllegalStateException if the runner is not running
   */
  List<Application> applications();

  /**
   * The failures that have stopped followers so far, the first first; empty while every follower is processing.
   * Each is a {@link ProcessingException} naming the follower and the notification, or an {@link Error}.
   */
  List<Throwable> failures();

  /**
   * The state of each follower of each of its leaders, in the order of the system's followers: whether it runs or
   * was stopped by an error, and how far it is behind. Reads every follower's position and leader's last
   * notification id from the stores.
   *
   * @throws IllegalStateException if the runner is not running
   * @throws dev.eventsourcing.persistence.OperationalException if a store can't be read
   */
  List<FollowerState> followers();

  /** Stops the runner, as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
