package dev.eventsourcing.system;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import java.util.Map;
import java.util.Set;

/** Takes a payment for each reserved order. */
public class Payments extends ProcessApplication {
  public Payments() {}

  public Payments(Map<String, String> environment) {
    super(environment);
  }

  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Order.Reserved.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof Order.Reserved) {
      processing.collectEvents(new Payment(event.originatorId()));
    }
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Payment.class);
  }
}
