package dev.eventsourcing.bench.micro;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.examples.universe.World;
import java.util.List;

/** The events the micro-benchmarks encode: a world's first event and a later one, as the workloads write them. */
final class SampleEvents {
  private SampleEvents() {}

  /** A new world's {@code Created} event (which records the aggregate's topic) and a {@code SomethingHappened}. */
  static List<DomainEvent<World.Event>> created() {
    World world = new World("world-1");
    world.makeItSo("thing-1");
    return world.collectEvents();
  }
}
