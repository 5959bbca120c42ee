package dev.eventsourcing.examples.web;

import dev.eventsourcing.cdi.EventSourcingApplication;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.examples.universe.World;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

/**
 * Added to the WAR by the server test: a process application following the {@link Universe}, with a world of its
 * own for each world created there; it remembers the class of the thread its policy last ran on.
 */
@EventSourcingApplication
public class WorldCounter extends ProcessApplication {
  private volatile String policyThread = "";

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof World.Created created) {
      policyThread = Thread.currentThread().getClass().getName();
      processing.collectEvents(new World("counted " + created.name()));
    }
  }

  /** How many worlds it has counted, and the class of the thread that last counted one. */
  public String counted() {
    Long max = recorder().maxNotificationId();
    return (max == null ? 0 : max) + " " + policyThread;
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(World.class);
  }
}
