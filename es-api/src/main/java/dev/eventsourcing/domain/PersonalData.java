package dev.eventsourcing.domain;

import java.util.UUID;

/**
 * An aggregate that holds personal data of a data subject, such as a person, whose id is not the aggregate's own.
 * With per-subject encryption ({@code CIPHER_MODE=per-subject}) the events and snapshots of every aggregate are
 * encrypted with the data key of its subject: its {@link #dataSubjectId()} if it implements this interface, else
 * its own id. So several aggregates of one person share a key, and forgetting the person makes all of them
 * unreadable.
 *
 * <p>The subject id is stored in plain text beside each event: use an id, never personal data itself. It must be
 * known when the aggregate's first event is saved and must never change.
 */
public interface PersonalData {
  /** The id of the data subject whose key encrypts this aggregate's events. */
  UUID dataSubjectId();

  /** The data subject of an aggregate: its {@link #dataSubjectId()} if it has personal data, else its own id. */
  static UUID subjectOf(Aggregate<?> aggregate) {
    return aggregate instanceof PersonalData personal ? personal.dataSubjectId() : aggregate.id();
  }
}
