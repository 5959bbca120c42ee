package dev.eventsourcing.examples.web;

import dev.eventsourcing.cdi.EventSourcingApplication;

/** Added to the WAR by the server test: an application first used in a transaction that rolls back. */
@EventSourcingApplication
public class Multiverse extends dev.eventsourcing.examples.universe.Universe {}
