package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a recorder stores it: the originator's id and version, the payload's topic, and the state (the
 * payload and envelope as bytes, possibly compressed and encrypted). The state array is not copied: don't change
 * it after construction.
 */
public record StoredEvent(UUID originatorId, int originatorVersion, String topic, byte[] state) {
  public StoredEvent {
    Objects.requireNonNull(originatorId, "originatorId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(state, "state");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredEvent that
        && originatorVersion == that.originatorVersion
        && originatorId.equals(that.originatorId)
        && topic.equals(that.topic)
        && Arrays.equals(state, that.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(originatorId, originatorVersion, topic, Arrays.hashCode(state));
  }

  /** Names the event; the state is shown only by its length. */
  @Override
  public String toString() {
    return "StoredEvent[" + originatorId + " v" + originatorVersion + ", " + topic + ", " + state.length + " bytes]";
  }
}
