package dev.eventsourcing.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The base class of event-sourced aggregates: an aggregate's state is the fold of its events.
 *
 * <p>A subclass declares its events as a sealed interface {@code E} of records nested in it, changes state only in
 * {@link #apply(Object)}, and records changes by calling {@link #trigger(Object)} from its constructors and command
 * methods:
 *
 * <pre>{@code
 * public final class World extends Aggregate<World.Event> {
 *   public sealed interface Event permits Created, SomethingHappened {}
 *   public record Created(String name) implements Event {}
 *   public record SomethingHappened(String what) implements Event {}
 *
 *   private String name;
 *   private final List<String> history = new ArrayList<>();
 *
 *   private World() {} // for replay
 *
 *   public World(String name) { trigger(new Created(name)); }
 *
 *   public void makeItSo(String what) { trigger(new SomethingHappened(what)); }
 *
 *   protected void apply(Event event) {
 *     if (event instanceof Created e) name = e.name();
 *     else if (event instanceof SomethingHappened e) history.add(e.what());
 *     else throw new IllegalArgumentException("unexpected event " + event);
 *   }
 * }
 * }</pre>
 *
 * <p>The first triggered event gives the aggregate its id ({@link #createId(Object)}, a random UUID by default) and
 * version 1; every later event adds one to the version. Replay constructs the aggregate with its no-argument
 * constructor (of any visibility) and applies the stored events in order, so {@code apply} must depend on nothing
 * but the event and the current state. An aggregate is not thread-safe: load one per unit of work.
 *
 * @param <E> the type of the aggregate's event payloads
 */
public abstract class Aggregate<E> {
  private transient @Nullable UUID id;
  private transient int version;
  private transient @Nullable Instant createdOn;
  private transient @Nullable Instant modifiedOn;
  private final transient List<DomainEvent<E>> pendingEvents = new ArrayList<>();

  /** For subclasses: their constructors trigger the first event; a no-argument constructor is used for replay. */
  protected Aggregate() {}

  /**
   * The aggregate's id, given by its first event.
   *
   * @throws IllegalStateException if no event has been triggered or applied yet
   */
  public final UUID id() {
    if (id == null) {
      throw new IllegalStateException(getClass().getName() + " has no id before its first event");
    }
    return id;
  }

  /** The number of events triggered or applied so far: 1 after the first event, 0 before. */
  public final int version() {
    return version;
  }

  /** The timestamp of the first event. */
  public final Instant createdOn() {
    if (createdOn == null) {
      throw new IllegalStateException(getClass().getName() + " has no creation time before its first event");
    }
    return createdOn;
  }

  /** The timestamp of the latest event. */
  public final Instant modifiedOn() {
    if (modifiedOn == null) {
      throw new IllegalStateException(getClass().getName() + " has no modification time before its first event");
    }
    return modifiedOn;
  }

  /**
   * Records a new event and applies it to this aggregate. If {@link #apply(Object)} throws, the exception
   * propagates and no event is recorded: id, version and timestamps are unchanged (changes {@code apply} made to
   * the subclass's own state before throwing are not undone, so validate before changing state).
   */
  protected final void trigger(E payload) {
    Objects.requireNonNull(payload, "payload");
    UUID originatorId = version == 0 ? Objects.requireNonNull(createId(payload), "createId returned null") : id();
    Instant timestamp = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Class<?> originatorType = version == 0 ? getClass() : null;
    DomainEvent<E> event = new DomainEvent<>(
        originatorId, version + 1, timestamp, Topics.of(payload.getClass()), payload, originatorType);
    applyEvent(event);
    pendingEvents.add(event);
  }

  /**
   * Changes the aggregate's state for one event, when it is triggered and each time the aggregate is replayed. It
   * should handle every event type and throw for one it does not know.
   */
  protected abstract void apply(E payload);

  /** The id of a new aggregate, called once with its first event's payload. A random (version 4) UUID by default. */
  protected UUID createId(E payload) {
    return UUID.randomUUID();
  }

  /** Returns the events triggered since the last call and forgets them. The application's {@code save} calls it. */
  public final List<DomainEvent<E>> collectEvents() {
    List<DomainEvent<E>> collected = List.copyOf(pendingEvents);
    pendingEvents.clear();
    return collected;
  }

  /** The events triggered and not yet collected, oldest first; an unmodifiable view. */
  public final List<DomainEvent<E>> pendingEvents() {
    return Collections.unmodifiableList(pendingEvents);
  }

  final void applyEvent(DomainEvent<E> event) {
    if (version > 0 && !event.originatorId().equals(id)) {
      throw new OriginatorIdException("event of " + event.originatorId() + " at version " + event.originatorVersion()
          + " can't be applied to aggregate " + id);
    }
    if (event.originatorVersion() != version + 1) {
      throw new OriginatorVersionException("event of " + event.originatorId() + " at version "
          + event.originatorVersion() + " can't be applied to " + getClass().getSimpleName() + " at version "
          + version + ": expected version " + (version + 1));
    }
    apply(event.payload());
    if (version == 0) {
      id = event.originatorId();
      createdOn = event.timestamp();
    }
    version = event.originatorVersion();
    modifiedOn = event.timestamp();
  }

  /** Sets what a snapshot records besides the subclass's fields. */
  final void restore(UUID id, int version, Instant createdOn, Instant modifiedOn) {
    this.id = id;
    this.version = version;
    this.createdOn = createdOn;
    this.modifiedOn = modifiedOn;
  }
}
