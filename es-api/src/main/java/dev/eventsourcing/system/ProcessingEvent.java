package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.persistence.Tracking;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The processing of one upstream notification by a {@link ProcessApplication}: the notification's {@link
 * Tracking} and the aggregates its policy created or changed. Their new events and the tracking record are
 * recorded together, in one transaction, after the policy returns: so either the notification is processed and
 * its results are kept, or neither.
 *
 * <p>Used by one thread, the one running the policy.
 */
public final class ProcessingEvent {
  private final Tracking tracking;
  private final List<Aggregate<?>> aggregates = new ArrayList<>();

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

  /** The aggregates collected so far, in the order they were collected. */
  public List<Aggregate<?>> aggregates() {
    return Collections.unmodifiableList(aggregates);
  }
}
