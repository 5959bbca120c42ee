package dev.eventsourcing.testing;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A given/when/then test of an aggregate class, without a store: given its earlier events, when a command, then
 * these new events, or this exception.
 *
 * <pre>{@code
 * given(World.class, new World.Created("Earth"))
 *     .when(world -> world.makeItSo("dinosaurs"))
 *     .then(new World.SomethingHappened("dinosaurs"));
 *
 * given(World.class)
 *     .whenCreated(() -> new World("Earth"))
 *     .then(new World.Created("Earth"));
 * }</pre>
 *
 * @param <A> the aggregate class
 */
public final class AggregateFixture<A extends Aggregate<?>> {
  private final Class<A> type;
  private final int given;
  private final @Nullable A aggregate;

  private AggregateFixture(Class<A> type, int given, @Nullable A aggregate) {
    this.type = type;
    this.given = given;
    this.aggregate = aggregate;
  }

  /**
   * An aggregate of class {@code type} rebuilt from these event payloads, as the repository rebuilds it: the first
   * creates it (with a random id), each later one is the next version. With none, there is no aggregate yet: see
   * {@link #whenCreated}.
   *
   * @throws IllegalArgumentException if an event can't be applied, naming it
   */
  public static <A extends Aggregate<?>> AggregateFixture<A> given(Class<A> type, Object... payloads) {
    Objects.requireNonNull(type, "type");
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Aggregate<Object> aggregate = null;
    for (int i = 0; i < payloads.length; i++) {
      Object payload = Objects.requireNonNull(payloads[i], "payload");
      DomainEvent<Object> event =
          new DomainEvent<>(id, i + 1, now, Topics.of(payload.getClass()), payload, i == 0 ? type : null);
      try {
        aggregate = event.mutate(aggregate);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "given event " + (i + 1) + " of " + type.getSimpleName() + ", " + payload + ", can't be applied: " + e, e);
      }
    }
    return new AggregateFixture<>(type, payloads.length, type.cast(aggregate));
  }

  /**
   * Runs a command on the aggregate; its outcome is the events it triggered, or what it threw.
   *
   * @throws IllegalStateException if no events were given, so there is no aggregate
   */
  public Outcome<A> when(Consumer<? super A> command) {
    A target = aggregate;
    if (target == null) {
      throw new IllegalStateException("given no events, there is no " + type.getSimpleName()
          + " to run a command on: use whenCreated for a command that creates one");
    }
    String what = "the command on " + type.getSimpleName() + " (given " + given + " events)";
    try {
      command.accept(target);
    } catch (RuntimeException e) {
      return Outcome.threw(what, e);
    }
    return Outcome.made(what, payloads(target), target);
  }

  /**
   * Creates an aggregate; its outcome is the events the creation triggered, or what it threw.
   *
   * @throws IllegalStateException if events were given, so the aggregate exists already
   */
  public Outcome<A> whenCreated(Supplier<? extends A> creation) {
    if (aggregate != null) {
      throw new IllegalStateException("given " + given + " events, the " + type.getSimpleName()
          + " exists already: use when for a command on it");
    }
    String what = "the creation of a " + type.getSimpleName();
    A created;
    try {
      created = creation.get();
    } catch (RuntimeException e) {
      return Outcome.threw(what, e);
    }
    return Outcome.made(what, payloads(created), created);
  }

  private static List<Object> payloads(Aggregate<?> aggregate) {
    return aggregate.pendingEvents().stream().<Object>map(DomainEvent::payload).toList();
  }
}
