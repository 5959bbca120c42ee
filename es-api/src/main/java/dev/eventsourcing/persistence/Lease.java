package dev.eventsourcing.persistence;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to do a process application's processing, taken with {@link ProcessRecorder#tryLease}: while it is
 * held, no other process that shares the database holds a lease of the same application. A lease can be lost
 * without being closed, when whatever keeps it in the database goes (a connection drops, the server restarts):
 * {@link #isHeld()} then turns false, and stays false; the holder stops processing and takes a new lease.
 *
 * <p>A lease saves the work of processing the same notifications twice; it does not make processing exactly once.
 * Between a lease's loss and its holder's noticing, two processes may process the same notifications, and the
 * tracking records keep the results of only one of them (see {@link ProcessRecorder#insertEvents}).
 */
public interface Lease extends AutoCloseable {
  /**
   * Whether the lease is still held. Cheap: it asks nothing of the database, and may turn false a little after the
   * database has let the lease go.
   */
  boolean isHeld();

  /** Gives the lease back, so another process can take it; does nothing if it is already closed or lost. */
  @Override
  void close();

  /** A lease held until it is closed: that of a store that only one process uses at a time. */
  static Lease untilClosed() {
    AtomicBoolean held = new AtomicBoolean(true);
    return new Lease() {
      @Override
      public boolean isHeld() {
        return held.get();
      }

      @Override
      public void close() {
        held.set(false);
      }
    };
  }
}
