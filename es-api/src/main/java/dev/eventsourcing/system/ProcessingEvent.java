package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The processing of one upstream notification by a {@link ProcessApplication}: the notification's {@link
 * Tracking}, the aggregates its policy created or changed, and the new events it collected as they are (those of
 * aggregates kept as immutable values, such as the changes of a Kotlin {@code aggregate { }} type). All their new
 * events and the tracking record are recorded together, in one transaction, after the policy returns: so either
 * the notification is processed and its results are kept, or neither. The aggregates' events are recorded first,
 * then the collected events, each in the order collected.
 *
 * <p>Used by one thread, the one running the policy.
 */
public final class ProcessingEvent {
  private final Tracking tracking;
  private final List<Aggregate<?>> aggregates = new ArrayList<>();
  private final List<DomainEvent<?>> events = new ArrayList<>();
  private final Set<DomainEvent<?>> distinctEvents = Collections.newSetFromMap(new IdentityHashMap<>());

  public ProcessingEvent(Tracking tracking) {
    this.tracking = Objects.requireNonNull(tracking, "tracking");
  }

  /** The upstream application's name and the id of the notification being processed. */
  public Tracking tracking() {
    return tracking;
  }

  /**
   * Collects aggregates whose new events are to be recorded with this processing. Collecting an aggregate twice
   * records its events once; its new events are those pending when the policy returns.
   */
  public void collectEvents(Aggregate<?>... aggregates) {
    for (Aggregate<?> aggregate : aggregates) {
      this.aggregates.add(Objects.requireNonNull(aggregate, "aggregate"));
    }
  }

  /**
   * Collects new events to be recorded with this processing, as they are: each must be the next version of its
   * aggregate (as the events of an immutable aggregate's command are), or recording fails with a {@link
   * dev.eventsourcing.persistence.RecordConflictException} and nothing of the processing is kept. Collecting the
   * same event object twice records it once. In Kotlin, {@code processing.collectEvents(changed)} collects the
   * events of an {@code aggregate { }} type's command.
   */
  public void collectEvents(List<? extends DomainEvent<?>> events) {
    for (DomainEvent<?> event : events) {
      if (distinctEvents.add(Objects.requireNonNull(event, "event"))) {
        this.events.add(event);
      }
    }
  }

  /** The aggregates collected so far, in the order they were collected. */
  public List<Aggregate<?>> aggregates() {
    return Collections.unmodifiableList(aggregates);
  }

  /** The events collected as they are so far (not those of the aggregates), in the order they were collected. */
  public List<DomainEvent<?>> events() {
    return Collections.unmodifiableList(events);
  }
}
