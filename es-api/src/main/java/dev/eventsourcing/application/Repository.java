package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.ErasedEvent;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.domain.Projector;
import dev.eventsourcing.persistence.DataErasedException;
import dev.eventsourcing.persistence.EventStore;
import dev.eventsourcing.persistence.SnapshotStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds aggregates from their stored events, starting from the latest snapshot when snapshotting is enabled.
 * What is stored is enough: the caller never has to name the aggregate class. Safe to use from many threads; each
 * call returns a new aggregate object (except inside {@link #answeringFrom}, below).
 *
 * <p>With per-subject encryption, getting an aggregate whose data subject was forgotten raises {@link
 * AggregateErasedException}.
 *
 * <p>Inside {@link #answeringFrom}, on the thread that runs it, the current state of an aggregate not saved yet is
 * that aggregate object, with its pending events: a process application's batch reads what the batch changed.
 */
public final class Repository {
  private final String applicationName;
  private final EventStore events;
  private final @Nullable SnapshotStore snapshots;
  private final ThreadLocal<@Nullable Unsaved> pending = new ThreadLocal<>();

  /** What {@link #answeringFrom} answers from: aggregate objects, and new events of immutable aggregates. */
  private record Unsaved(Map<UUID, Aggregate<?>> aggregates, Map<UUID, List<DomainEvent<?>>> events) {}

  public Repository(String applicationName, EventStore events, @Nullable SnapshotStore snapshots) {
    this.applicationName = applicationName;
    this.events = events;
    this.snapshots = snapshots;
  }

  /**
   * The current state of an aggregate, of the class the caller expects without checking it (give the class to
   * {@link #get(UUID, Class)} to have it checked).
   *
   * @param <K> not used in Java, where it is inferred; it keeps Kotlin's {@code get<World>(id)} from resolving to
   *     this method, so that it reaches the reified extension, which checks the class
   * @throws AggregateNotFoundException if nothing is stored for the id
   * @throws AggregateErasedException if the aggregate's data subject was forgotten
   */
  public <A extends Aggregate<?>, K extends A> A get(UUID id) {
    return current(id);
  }

  /**
   * The state of an aggregate at a version: after the events up to and including that version, of the class the
   * caller expects without checking it (give the class to {@link #get(UUID, int, Class)} to have it checked).
   *
   * @param <K> not used in Java, where it is inferred; it keeps Kotlin's {@code get<World>(id, 2)} from resolving
   *     to this method, so that it reaches the reified extension, which checks the class
   * @throws AggregateNotFoundException if nothing is stored for the id up to that version
   */
  public <A extends Aggregate<?>, K extends A> A get(UUID id, int version) {
    return rebuild(id, version);
  }

  /**
   * The state of an aggregate of a known class at a version.
   *
   * @throws AggregateNotFoundException if nothing is stored for the id up to that version
   * @throws EventSourcingException if the aggregate is of another class
   */
  public <A extends Aggregate<?>> A get(UUID id, int version, Class<A> type) {
    return checked(id, rebuild(id, version), type);
  }

  /**
   * The current state of an aggregate of a known class.
   *
   * @throws AggregateNotFoundException if nothing is stored for the id
   * @throws EventSourcingException if the aggregate is of another class
   */
  public <A extends Aggregate<?>> A get(UUID id, Class<A> type) {
    return checked(id, current(id), type);
  }

  /**
   * Runs {@code work} with aggregates that are not saved yet, by id: until it returns, on the calling thread, the
   * current state of each aggregate object of {@code aggregates} ({@link #get(UUID)}, {@link #get(UUID, Class)}) is
   * that object, with its pending events; the current state folded by a projector ({@link #get(UUID, Integer,
   * Projector)} with no version) folds the stored events and then the unsaved ones of {@code events} (the new
   * events of aggregates kept as immutable values, in order); {@link #contains} is true for both. Gets of a version,
   * and the gets of other threads, read the store. The maps may grow while the work runs: what is added is
   * answered from then on. Calls do not nest.
   *
   * @throws IllegalStateException if the calling thread is already inside a call
   */
  public void answeringFrom(
      Map<UUID, Aggregate<?>> aggregates, Map<UUID, List<DomainEvent<?>>> events, Runnable work) {
    if (pending.get() != null) {
      throw new IllegalStateException("application " + applicationName
          + ": the repository is already answering from unsaved aggregates on this thread");
    }
    pending.set(new Unsaved(aggregates, events));
    try {
      work.run();
    } finally {
      pending.remove();
    }
  }

  @SuppressWarnings("unchecked")
  private <A extends Aggregate<?>> A current(UUID id) {
    Unsaved unsaved = pending.get();
    if (unsaved != null) {
      Aggregate<?> aggregate = unsaved.aggregates().get(id);
      if (aggregate != null) {
        return (A) aggregate;
      }
    }
    return rebuild(id, null);
  }

  private <A extends Aggregate<?>> A checked(UUID id, Aggregate<?> aggregate, Class<A> type) {
    if (!type.isInstance(aggregate)) {
      throw new EventSourcingException("aggregate " + id + " in application " + applicationName + " is a "
          + aggregate.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(aggregate);
  }

  /**
   * State folded from an aggregate's events by a projector, up to a version ({@code null} for all). Snapshots are
   * not used.
   *
   * @throws AggregateNotFoundException if nothing is stored for the id up to that version
   */
  public <A> A get(UUID id, @Nullable Integer version, Projector<A> projector) {
    A state = null;
    for (DomainEvent<?> event : readable(id, events.get(id, null, version, false, null))) {
      state = projector.project(state, event);
    }
    Unsaved unsaved = version == null ? pending.get() : null;
    List<DomainEvent<?>> later = unsaved == null ? null : unsaved.events().get(id);
    if (later != null) {
      for (DomainEvent<?> event : later) {
        state = projector.project(state, event);
      }
    }
    if (state == null) {
      throw notFound(id, version);
    }
    return state;
  }

  /** Whether any event is stored for the id. */
  public boolean contains(UUID id) {
    Unsaved unsaved = pending.get();
    if (unsaved != null && (unsaved.aggregates().containsKey(id) || unsaved.events().containsKey(id))) {
      return true;
    }
    return !events.recorder().selectEvents(id, null, null, false, 1).isEmpty();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <A extends Aggregate<?>> A rebuild(UUID id, @Nullable Integer version) {
    Aggregate aggregate;
    try {
      aggregate = snapshots == null ? null : snapshots.latest(id, version);
    } catch (DataErasedException e) {
      throw erased(id, e.subjectId());
    }
    Integer gt = aggregate == null ? null : aggregate.version();
    List<DomainEvent<?>> stored = readable(id, events.get(id, gt, version, false, null));
    for (DomainEvent event : stored) {
      aggregate = event.mutate(aggregate);
    }
    if (aggregate == null) {
      throw notFound(id, version);
    }
    return (A) aggregate;
  }

  /** The events, unless they were erased. */
  private List<DomainEvent<?>> readable(UUID id, List<DomainEvent<?>> stored) {
    for (DomainEvent<?> event : stored) {
      if (event.payload() instanceof ErasedEvent erased) {
        throw erased(id, erased.subjectId());
      }
    }
    return stored;
  }

  private AggregateErasedException erased(UUID id, UUID subjectId) {
    return new AggregateErasedException(id, subjectId, "aggregate " + id + " in application " + applicationName
        + " was erased: its data subject " + subjectId + " was forgotten, so its events can't be read");
  }

  private AggregateNotFoundException notFound(UUID id, @Nullable Integer version) {
    return new AggregateNotFoundException("aggregate " + id + " not found in application " + applicationName
        + (version == null ? "" : " at or below version " + version));
  }
}
