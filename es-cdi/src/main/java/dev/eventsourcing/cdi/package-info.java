/**
 * CDI integration: {@link dev.eventsourcing.cdi.EventSourcingApplication} makes an application class an
 * application-scoped bean, configured by an {@link dev.eventsourcing.cdi.EventSourcingConfig} bean, MicroProfile
 * Config, system properties and the process environment, and closed when the container shuts down.
 */
@NullMarked
package dev.eventsourcing.cdi;

import org.jspecify.annotations.NullMarked;
