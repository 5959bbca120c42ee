package dev.eventsourcing.system;

/**
 * Told of a follower's processing, for metrics (see {@code dev.eventsourcing.micrometer.EventSourcingMetrics}):
 * register one with {@link ProcessApplication#addFollowerObserver}. Called on the processing thread, where the JFR events {@code dev.eventsourcing.Batch}, {@code dev.eventsourcing.Retry}
 * and the lease events are emitted, so its methods must be quick, must not throw, and should not allocate. The
 * methods do nothing by default.
 *
 * <p>{@code follower} is the follower's name, {@code upstream} the name of the application whose log it reads.
 */
public interface FollowerObserver {
  /** After a page of the upstream log was read (it may be empty, when the follower has caught up). */
  default void read(String follower, String upstream, int notifications) {}

  /**
   * After a batch of notifications was processed and its results recorded.
   *
   * @param nanos how long the batch took: the policy's processing and the save of the results
   */
  default void processed(String follower, String upstream, int notifications, long nanos) {}

  /** After a step failed transiently and the follower waited, before it tries the step again. */
  default void retried(String follower, String upstream, RuntimeException failure) {}

  /** When a failure stops the follower's processing of the upstream log; it is thrown next. */
  default void failed(String follower, String upstream, Throwable failure) {}

  /**
   * When a {@link MultiThreadedRunner}'s worker takes the follower's lease ({@code held}), or finds it lost or
   * releases it as it stops (not {@code held}).
   */
  default void lease(String follower, boolean held) {}
}
