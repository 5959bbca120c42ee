package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ProcessRecorder;

/** The factory of the in-memory store: every recorder it makes keeps its events in memory, apart from the others. */
public class MemoryInfrastructureFactory extends InfrastructureFactory {
  public MemoryInfrastructureFactory(Environment environment) {
    super(environment);
  }

  @Override
  public AggregateRecorder aggregateRecorder(String purpose) {
    return new MemoryAggregateRecorder();
  }

  @Override
  public ApplicationRecorder applicationRecorder() {
    return new MemoryApplicationRecorder();
  }

  @Override
  public ProcessRecorder processRecorder() {
    return new MemoryProcessRecorder();
  }
}
