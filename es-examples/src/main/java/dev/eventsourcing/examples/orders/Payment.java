package dev.eventsourcing.examples.orders;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;

/** The payment of a reserved order. */
public final class Payment extends Aggregate<Payment.Event> {
  public sealed interface Event permits Created {}

  public record Created(UUID orderId) implements Event {}

  private Payment() {}

  public Payment(UUID orderId) {
    trigger(new Created(orderId));
  }

  @Override
  protected void apply(Event event) {}
}
