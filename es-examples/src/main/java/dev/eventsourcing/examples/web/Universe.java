package dev.eventsourcing.examples.web;

import dev.eventsourcing.cdi.EventSourcingApplication;

/**
 * The README's Universe as an application-scoped bean. Its settings come from the container: the WAR's {@code
 * META-INF/microprofile-config.properties} names the PostgreSQL store and the data source, and a system property
 * or an environment variable overrides them.
 */
@EventSourcingApplication
public class Universe extends dev.eventsourcing.examples.universe.Universe {}
