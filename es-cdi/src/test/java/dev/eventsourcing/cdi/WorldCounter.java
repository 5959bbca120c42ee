package dev.eventsourcing.cdi;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

/** Follows the {@link Universe}: a world of its own for each world created there. */
@EventSourcingApplication
public class WorldCounter extends ProcessApplication {
  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof World.Created created) {
      processing.collectEvents(new World("counted " + created.name()));
    }
  }

  /** How many worlds it has counted. */
  public long counted() {
    Long max = recorder().maxNotificationId();
    return max == null ? 0 : max;
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(World.class);
  }
}
