package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.ProcessRecorderTestCase;

class MemoryProcessRecorderTest extends ProcessRecorderTestCase {
  @Override
  protected ProcessRecorder createRecorder() {
    return new MemoryProcessRecorder();
  }
}
