package dev.eventsourcing.system;

import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import java.util.Map;
import java.util.Set;

/**
 * Reserves each new order. With {@value #FAIL_ON_ITEM} set, its policy throws for orders of that item, as a policy
 * with a bug would.
 */
public class Reservations extends ProcessApplication {
  public static final String FAIL_ON_ITEM = "FAIL_ON_ITEM";

  public Reservations() {}

  public Reservations(Map<String, String> environment) {
    super(environment);
  }

  protected Reservations(ApplicationContext context) {
    super(context);
  }

  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Order.Created.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof Order.Created created) {
      if (created.item().equals(environment().get(FAIL_ON_ITEM))) {
        throw new IllegalStateException("no stock of " + created.item());
      }
      processing.collectEvents(new Reservation(event.originatorId(), processing.tracking().notificationId()));
    }
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Reservation.class);
  }
}
