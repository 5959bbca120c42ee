/** The reference README's application, run on the database stores. */
@NullMarked
package dev.eventsourcing.jpa.readme;

import org.jspecify.annotations.NullMarked;
