package dev.eventsourcing.examples.orders;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.util.Set;

/** Takes the payment of each reserved order. */
public class Payments extends ProcessApplication {
  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Order.Reserved.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    processing.collectEvents(new Payment(event.originatorId()));
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Payment.class);
  }
}
