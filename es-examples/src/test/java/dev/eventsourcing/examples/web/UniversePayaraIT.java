package dev.eventsourcing.examples.web;

/**
 * The example WAR in Payara Micro 7 (Jakarta EE 11, on a JDK 21 or newer): the JDBC stores, and the jpa store on
 * the server's own EclipseLink 5.
 */
class UniversePayaraIT extends AtlasOnAServer {}
