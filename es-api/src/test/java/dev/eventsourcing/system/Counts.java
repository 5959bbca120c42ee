package dev.eventsourcing.system;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Projector;
import dev.eventsourcing.domain.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reserves each new order, as {@link Reservations} does, and counts the orders in one count kept as an immutable
 * value: its policy collects the reservation, a mutable aggregate, and the count's next event as it is. Every
 * notification changes the same count.
 */
public class Counts extends ProcessApplication {
  public static final UUID COUNT_ID = UUID.fromString("00000000-0000-4000-8000-000000000002");

  /** The count's only event. */
  public record Counted(long upstreamNotificationId) {}

  /** The count: how many orders, as the version of its aggregate. */
  record Count(int version) {}

  private static final Projector<Count> COUNT = (state, event) -> new Count(event.originatorVersion());

  public Counts() {}

  public Counts(Map<String, String> environment) {
    super(environment);
  }

  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Order.Created.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    long upstream = processing.tracking().notificationId();
    int version = repository().contains(COUNT_ID) ? repository().get(COUNT_ID, null, COUNT).version() : 0;
    processing.collectEvents(new Reservation(event.originatorId(), upstream));
    processing.collectEvents(List.of(new DomainEvent<>(COUNT_ID, version + 1,
        Instant.now().truncatedTo(ChronoUnit.MICROS), Topics.of(Counted.class), new Counted(upstream), null)));
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Reservation.class, Counted.class);
  }
}
