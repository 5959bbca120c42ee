/**
 * The reference README's Universe as a web application: the application injected into a JAX-RS resource, its events
 * in the server's data source. Built as a WAR by this module and tested in WildFly.
 */
@NullMarked
package dev.eventsourcing.examples.web;

import org.jspecify.annotations.NullMarked;
