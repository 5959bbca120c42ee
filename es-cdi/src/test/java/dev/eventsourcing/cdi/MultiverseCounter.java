package dev.eventsourcing.cdi;

import jakarta.enterprise.inject.Typed;

/** Follows the {@link Multiverse}, as {@link WorldCounter} follows the {@link Universe}; a bean of its own type. */
@EventSourcingApplication
@Typed(MultiverseCounter.class)
public class MultiverseCounter extends WorldCounter {}
