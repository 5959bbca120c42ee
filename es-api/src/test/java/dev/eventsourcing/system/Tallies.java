package dev.eventsourcing.system;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import java.util.Map;
import java.util.Set;

/** Counts the orders in one {@link Tally}: every notification changes the same aggregate. */
public class Tallies extends ProcessApplication {
  public Tallies() {}

  public Tallies(Map<String, String> environment) {
    super(environment);
  }

  @Override
  protected Set<String> upstreamTopics() {
    return Set.of(Topics.of(Order.Created.class));
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    Tally tally = repository().contains(Tally.ID) ? repository().get(Tally.ID, Tally.class) : Tally.start();
    tally.count(processing.tracking().notificationId());
    processing.collectEvents(tally);
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Tally.class);
  }
}
