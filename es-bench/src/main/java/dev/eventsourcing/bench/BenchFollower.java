package dev.eventsourcing.bench;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.examples.universe.World;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.util.Map;

/** W5's process application: it follows the benchmark's universe and creates a new world for each of its events. */
public final class BenchFollower extends ProcessApplication {
  public BenchFollower(Map<String, String> environment) {
    super(environment);
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    processing.collectEvents(new World("after " + event.originatorId() + " v" + event.originatorVersion()));
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(World.class);
  }
}
