package dev.eventsourcing.examples.orders;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.util.Set;

/** Reserves the item of each new order. */
public class Reservations extends ProcessApplication {
  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Order.Created.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    processing.collectEvents(new Reservation(event.originatorId()));
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Reservation.class);
  }
}
