package dev.eventsourcing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded event: the envelope of an aggregate's event payload.
 *
 * @param originatorId the id of the aggregate the event belongs to
 * @param originatorVersion the aggregate's version after this event: 1 for the first event
 * @param timestamp when the event was triggered, UTC, with microsecond precision
 * @param topic the topic of the payload's class
 * @param payload the event's own data, an immutable value such as a record
 * @param originatorType the aggregate class, given with the first event (which creates the aggregate) and
 *     {@code null} for later events
 * @param <E> the type of the aggregate's event payloads
 */
public record DomainEvent<E>(
    UUID originatorId,
    int originatorVersion,
    Instant timestamp,
    String topic,
    E payload,
    @Nullable Class<?> originatorType) {

  public DomainEvent {
    Objects.requireNonNull(originatorId, "originatorId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (originatorVersion < 1) {
      throw new OriginatorVersionException(
          "event of " + originatorId + " has version " + originatorVersion + ": versions start at 1");
    }
  }

  /**
   * Applies this event to an aggregate and returns the next state: the given aggregate, changed, or for the first
   * event a new aggregate of {@link #originatorType()}. So {@code copy = event.mutate(copy)} over an aggregate's
   * events, starting from {@code null}, rebuilds it.
   *
   * @throws OriginatorIdException if the aggregate has another id
   * @throws OriginatorVersionException if this event's version is not exactly one more than the aggregate's
   */
  @SuppressWarnings("unchecked")
  public <A extends Aggregate<E>> A mutate(@Nullable A aggregate) {
    A target = aggregate;
    if (target == null) {
      if (originatorVersion != 1) {
        throw new OriginatorVersionException("event of " + originatorId + " at version " + originatorVersion
            + " can't start an aggregate: only the first event (version 1) can");
      }
      if (originatorType == null) {
        throw new EventSourcingException("first event of " + originatorId + " does not name its aggregate class");
      }
      target = (A) Aggregates.newInstance(originatorType);
    }
    target.applyEvent(this);
    return target;
  }
}
