package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order of the system tests: created, then reserved, then paid. */
public final class Order extends Aggregate<Order.Event> {
  public sealed interface Event permits Created, Reserved, Paid {}

  public record Created(String item) implements Event {}

  public record Reserved(UUID reservationId) implements Event {}

  public record Paid(UUID paymentId) implements Event {}

  private String item = "";
  private @Nullable UUID reservationId;
  private @Nullable UUID paymentId;

  private Order() {}

  public Order(String item) {
    trigger(new Created(item));
  }

  public void reserve(UUID reservation) {
    trigger(new Reserved(reservation));
  }

  public void pay(UUID payment) {
    trigger(new Paid(payment));
  }

  public String item() {
    return item;
  }

  public boolean isReserved() {
    return reservationId != null;
  }

  public boolean isPaid() {
    return paymentId != null;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Created created) {
      item = created.item();
    } else if (event instanceof Reserved reserved) {
      reservationId = reserved.reservationId();
    } else if (event instanceof Paid paid) {
      paymentId = paid.paymentId();
    }
  }
}
