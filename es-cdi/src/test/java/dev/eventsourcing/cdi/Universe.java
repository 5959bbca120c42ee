package dev.eventsourcing.cdi;

import java.util.concurrent.atomic.AtomicInteger;

/** The reference README's application as a bean; it counts how often its constructor runs. */
@EventSourcingApplication
public class Universe extends dev.eventsourcing.jpa.worlds.Universe {
  static final AtomicInteger CONSTRUCTED = new AtomicInteger();

  public Universe() {
    CONSTRUCTED.incrementAndGet();
  }

  /**
   * The identity hash of the instance itself, behind the container's client proxy (which returns itself from a
   * method that returns {@code this}).
   */
  public int identity() {
    return System.identityHashCode(this);
  }
}
