package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.AggregateRecorderTestCase;

class MemoryAggregateRecorderTest extends AggregateRecorderTestCase {
  @Override
  protected AggregateRecorder createRecorder() {
    return new MemoryAggregateRecorder();
  }
}
