package dev.eventsourcing.persistence;

/**
 * A concurrent writer already recorded an event at the same originator version (or the same tracking position):
 * the optimistic concurrency control signal. Nothing of the transaction was kept; reload the aggregate and try
 * again.
 */
public class RecordConflictException extends IntegrityException {
  public RecordConflictException(String message) {
    super(message);
  }

  public RecordConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
