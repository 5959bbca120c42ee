package dev.eventsourcing.persistence;

/**
 * A listener's registration with {@link ApplicationRecorder#subscribe}: until it is closed, the recorder calls the
 * listener when new notifications may have been recorded.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  /** A subscription to a recorder that never signals. */
  Subscription NONE = () -> {};

  /** Ends the registration: the listener is not called after this returns. Does nothing if already closed. */
  @Override
  void close();
}
