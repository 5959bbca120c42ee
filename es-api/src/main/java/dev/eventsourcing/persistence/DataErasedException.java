package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.EventSourcingException;
import java.util.UUID;

/**
 * The data key of a data subject was erased ({@code Application.forget}): its stored events and snapshots can no
 * longer be read, and no new ones can be stored for it.
 */
public class DataErasedException extends EventSourcingException {
  private final UUID subjectId;

  public DataErasedException(UUID subjectId, String message) {
    super(message);
    this.subjectId = subjectId;
  }

  /** The erased data subject. */
  public UUID subjectId() {
    return subjectId;
  }
}
