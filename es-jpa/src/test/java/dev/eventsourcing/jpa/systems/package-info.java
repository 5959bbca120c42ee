/** Process applications of the system contract run in several JVMs on one database. */
@NullMarked
package dev.eventsourcing.jpa.systems;

import org.jspecify.annotations.NullMarked;
