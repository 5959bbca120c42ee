package dev.eventsourcing.examples.web;

/** The example WAR in WildFly Preview 39 (Jakarta EE 11, Hibernate 7 in the server, unused by the WAR). */
class UniverseServerIT extends UniverseOnAServer {}
