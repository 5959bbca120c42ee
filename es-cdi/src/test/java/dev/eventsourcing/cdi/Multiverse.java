package dev.eventsourcing.cdi;

/** A second leader, for a second event system. */
@EventSourcingApplication
public class Multiverse extends dev.eventsourcing.jpa.worlds.Universe {}
