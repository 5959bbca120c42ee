package dev.eventsourcing.examples.web;

/** The example WAR in Payara Micro 6 (Jakarta EE 10, JPA 3.1, on JDK 17): the JDBC stores (decision 13). */
class UniversePayara6IT extends UniverseOnAServer {}
