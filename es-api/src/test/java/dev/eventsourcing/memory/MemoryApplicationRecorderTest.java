package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ApplicationRecorderTestCase;

class MemoryApplicationRecorderTest extends ApplicationRecorderTestCase {
  @Override
  protected ApplicationRecorder createRecorder() {
    return new MemoryApplicationRecorder();
  }
}
