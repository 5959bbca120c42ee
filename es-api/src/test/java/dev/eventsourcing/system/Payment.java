package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;

/** A payment for a reserved order. */
public final class Payment extends Aggregate<Payment.Event> {
  public sealed interface Event permits Created {}

  public record Created(UUID orderId) implements Event {}

  private UUID orderId = new UUID(0, 0);

  private Payment() {}

  public Payment(UUID orderId) {
    trigger(new Created(orderId));
  }

  public UUID orderId() {
    return orderId;
  }

  @Override
  protected void apply(Event event) {
    orderId = ((Created) event).orderId();
  }
}
