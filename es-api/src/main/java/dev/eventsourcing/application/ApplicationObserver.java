package dev.eventsourcing.application;

import dev.eventsourcing.persistence.RecordConflictException;

/**
 * Told of an application's saves, for metrics (see {@code dev.eventsourcing.micrometer.EventSourcingMetrics}):
 * register one with {@link Application#addObserver}. Called on the saving thread, at the places where the JFR
 * events {@code dev.eventsourcing.Save} and {@code dev.eventsourcing.Conflict} are emitted, so its methods must be
 * quick, must not throw, and should not allocate: every save calls them. The methods do nothing by default.
 */
public interface ApplicationObserver {
  /**
   * After a save recorded events, or a tracking record alone.
   *
   * @param events how many events it recorded, 0 for a tracking record alone
   * @param nanos how long the store took to record them
   */
  default void saved(Application application, int events, long nanos) {}

  /** After the store refused a save as a conflict with another writer; the conflict is thrown next. */
  default void conflicted(Application application, RecordConflictException conflict) {}
}
