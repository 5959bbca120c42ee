package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored event with its position in the application's notification log. Ids start at 1 and increase in the
 * order in which events were committed. The state array is not copied: don't change it.
 */
public record Notification(long id, UUID originatorId, int originatorVersion, String topic, byte[] state) {
  public Notification {
    Objects.requireNonNull(originatorId, "originatorId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(state, "state");
  }

  /** The stored event this notification presents. */
  public StoredEvent storedEvent() {
    return new StoredEvent(originatorId, originatorVersion, topic, state);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Notification that
        && id == that.id
        && originatorVersion == that.originatorVersion
        && originatorId.equals(that.originatorId)
        && topic.equals(that.topic)
        && Arrays.equals(state, that.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, originatorId, originatorVersion, topic, Arrays.hashCode(state));
  }

  /** Names the notification; the state is shown only by its length. */
  @Override
  public String toString() {
    return "Notification[" + id + ": " + originatorId + " v" + originatorVersion + ", " + topic + ", "
        + state.length + " bytes]";
  }
}
