/**
 * The Python library's example system: orders are reserved, reserved orders paid, and the orders follow both
 * their reservations and their payments.
 */
@NullMarked
package dev.eventsourcing.examples.orders;

import org.jspecify.annotations.NullMarked;
