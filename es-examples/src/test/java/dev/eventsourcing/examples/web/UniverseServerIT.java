package dev.eventsourcing.examples.web;

/**
 * The example WAR in WildFly Preview 39 (Jakarta EE 11): the JDBC stores, and the jpa store on the server's own
 * Hibernate 7.
 */
class UniverseServerIT extends AtlasOnAServer {}
