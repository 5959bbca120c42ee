package dev.eventsourcing.examples.orders;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;

/** An order: created, reserved, paid. */
public final class Order extends Aggregate<Order.Event> {
  public sealed interface Event permits Created, Reserved, Paid {}

  public record Created(String item) implements Event {}

  public record Reserved(UUID reservationId) implements Event {}

  public record Paid(UUID paymentId) implements Event {}

  private String item = "";
  private boolean reserved;
  private boolean paid;

  private Order() {}

  public Order(String item) {
    trigger(new Created(item));
  }

  public void reserve(UUID reservationId) {
    trigger(new Reserved(reservationId));
  }

  public void pay(UUID paymentId) {
    trigger(new Paid(paymentId));
  }

  public String item() {
    return item;
  }

  public boolean isReserved() {
    return reserved;
  }

  public boolean isPaid() {
    return paid;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Created created) {
      item = created.item();
    } else if (event instanceof Reserved) {
      reserved = true;
    } else if (event instanceof Paid) {
      paid = true;
    } else {
      throw new IllegalArgumentException("unexpected event " + event);
    }
  }
}
