package dev.eventsourcing.persistence;

/**
 * A data subject that a write meant to give its first key already has a key record: another writer recorded one
 * first, or the subject was erased. Nothing of the transaction was kept; the event store encrypts the events
 * again with the recorded key and retries.
 */
public class DataKeyConflictException extends RecordConflictException {
  public DataKeyConflictException(String message) {
    super(message);
  }
}
