package dev.eventsourcing.examples.orders;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;

/** The reservation of an order's item. */
public final class Reservation extends Aggregate<Reservation.Event> {
  public sealed interface Event permits Created {}

  public record Created(UUID orderId) implements Event {}

  private Reservation() {}

  public Reservation(UUID orderId) {
    trigger(new Created(orderId));
  }

  @Override
  protected void apply(Event event) {}
}
