package dev.eventsourcing.application;

import dev.eventsourcing.persistence.DataErasedException;
import java.util.UUID;

/**
 * Raised by the repository for an aggregate whose data subject was forgotten ({@link Application#forget}): its
 * events are still stored, and listed in the notification log, but can no longer be read.
 */
public class AggregateErasedException extends DataErasedException {
  private final UUID aggregateId;

  public AggregateErasedException(UUID aggregateId, UUID subjectId, String message) {
    super(subjectId, message);
    this.aggregateId = aggregateId;
  }

  /** The aggregate that can no longer be rebuilt. */
  public UUID aggregateId() {
    return aggregateId;
  }
}
