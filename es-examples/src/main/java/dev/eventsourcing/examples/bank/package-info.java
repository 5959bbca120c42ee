/**
 * Bank accounts: an application whose transfers change two accounts atomically, and a balance projection kept in
 * a JPA entity table, exactly once.
 */
@NullMarked
package dev.eventsourcing.examples.bank;

import org.jspecify.annotations.NullMarked;
