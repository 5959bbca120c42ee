package dev.eventsourcing.examples.web;

import dev.eventsourcing.cdi.EventSourcingApplication;

/**
 * The README's Universe kept by the {@code jpa} store in the deployment's persistence unit {@code atlas} (its
 * tables {@code atlas_events} and so on), so its saves commit with the unit's own entities ({@link WorldSummary})
 * in one JTA transaction. {@link AtlasUnit} gives it the unit's entity manager.
 */
@EventSourcingApplication
public class Atlas extends dev.eventsourcing.examples.universe.Universe {}
