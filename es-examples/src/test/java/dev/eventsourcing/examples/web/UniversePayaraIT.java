package dev.eventsourcing.examples.web;

/** The example WAR in Payara Micro 6 (Jakarta EE 10, JPA 3.1 and EclipseLink in the server, unused by the WAR). */
class UniversePayaraIT extends UniverseOnAServer {}
