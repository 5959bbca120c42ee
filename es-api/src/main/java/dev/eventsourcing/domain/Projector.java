package dev.eventsourcing.domain;

import org.jspecify.annotations.Nullable;

/**
 * A fold step that rebuilds state from events: given the state so far ({@code null} before the first event) and
 * the next event, returns the next state. The repository's default projector is {@link DomainEvent#mutate}; others
 * build immutable aggregates or views.
 *
 * @param <A> the type of state
 */
@FunctionalInterface
public interface Projector<A> {
  A project(@Nullable A state, DomainEvent<?> event);
}
