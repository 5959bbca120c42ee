package dev.eventsourcing.cdi;

import java.util.concurrent.atomic.AtomicInteger;

/** The reference README's application as a bean; it counts how often its constructor runs. */
@EventSourcingApplication
public class Universe extends dev.eventsourcing.jpa.worlds.Universe {
  static final AtomicInteger CONSTRUCTED = new AtomicInteger();

  public Universe() {
    CONSTRUCTED.incrementAndGet();
  }
}
