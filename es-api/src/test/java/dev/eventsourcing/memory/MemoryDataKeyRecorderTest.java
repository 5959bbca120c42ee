package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.DataKeyRecorderTestCase;

class MemoryDataKeyRecorderTest extends DataKeyRecorderTestCase {
  @Override
  protected ApplicationRecorder createRecorder() {
    return new MemoryApplicationRecorder();
  }
}
