package dev.eventsourcing.persistence;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Transcoder} writes into a stored event's state: a payload (an event payload, or an aggregate for a
 * snapshot) and the parts of the domain event's envelope that the stored event's own fields don't hold.
 *
 * @param timestamp the event's timestamp, or for a snapshot the aggregate's {@code modifiedOn}
 * @param originatorTopic the aggregate's topic, recorded with the first event of an aggregate
 * @param createdOn the aggregate's {@code createdOn}, recorded with snapshots
 * @param payload the event payload, or the aggregate of a snapshot
 */
public record Envelope(
    Instant timestamp, @Nullable String originatorTopic, @Nullable Instant createdOn, Object payload) {
  public Envelope {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(payload, "payload");
  }
}
