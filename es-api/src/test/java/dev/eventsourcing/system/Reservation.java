package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;

/**
 * A reservation for an order; it records the id of the upstream notification it was made from, so tests can
 * check every downstream event against the upstream log.
 */
public final class Reservation extends Aggregate<Reservation.Event> {
  public sealed interface Event permits Created {}

  public record Created(UUID orderId, long upstreamNotificationId) implements Event {}

  private UUID orderId = new UUID(0, 0);

  private Reservation() {}

  public Reservation(UUID orderId, long upstreamNotificationId) {
    trigger(new Created(orderId, upstreamNotificationId));
  }

  public UUID orderId() {
    return orderId;
  }

  @Override
  protected void apply(Event event) {
    orderId = ((Created) event).orderId();
  }
}
