package dev.eventsourcing.examples.orders;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Takes orders; marks them reserved and paid as it follows the reservations and the payments. */
public class Orders extends ProcessApplication {
  public Orders() {}

  public Orders(Map<String, String> environment) {
    super(environment);
  }

  public UUID createOrder(String item) {
    Order order = new Order(item);
    save(order);
    return order.id();
  }

  public Order get(UUID orderId) {
    return repository().get(orderId, Order.class);
  }

  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Reservation.Created.class), Topics.of(Payment.Created.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof Reservation.Created reserved) {
      Order order = get(reserved.orderId());
      order.reserve(event.originatorId());
      processing.collectEvents(order);
    } else if (event.payload() instanceof Payment.Created paid) {
      Order order = get(paid.orderId());
      order.pay(event.originatorId());
      processing.collectEvents(order);
    }
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Order.class);
  }
}
