package dev.eventsourcing.system;

import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Takes orders, and marks them reserved and paid as reservations and payments follow them. */
public class Orders extends ProcessApplication {
  public Orders() {}

  public Orders(Map<String, String> environment) {
    super(environment);
  }

  protected Orders(ApplicationContext context) {
    super(context);
  }

  public UUID createOrder(String item) {
    Order order = new Order(item);
    save(order);
    return order.id();
  }

  /** Creates an order for each item, in one save. */
  public List<UUID> createOrders(List<String> items) {
    List<Order> orders = new ArrayList<>();
    items.forEach(item -> orders.add(new Order(item)));
    save(orders.toArray(Order[]::new));
    return orders.stream().map(Order::id).toList();
  }

  public Order get(UUID id) {
    return repository().get(id, Order.class);
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
