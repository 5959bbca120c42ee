/** The code of the persistence page of the docs, run against the library. */
@NullMarked
package dev.eventsourcing.jpa.docs;

import org.jspecify.annotations.NullMarked;
