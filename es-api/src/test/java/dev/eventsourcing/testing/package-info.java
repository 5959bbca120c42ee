/**
 * Given/when/then fixtures for tests of aggregates and process applications, in es-api's test-jar (add it with
 * {@code <type>test-jar</type>} and {@code <scope>test</scope>}): {@link AggregateFixture} for aggregate classes,
 * {@link ProcessFixture} for process applications, and, in Kotlin, {@code given(World, ...)} for {@code aggregate {
 * }} types. Each ends in an {@link Outcome}, which checks the new events or the exception. They need no test
 * framework: a failed expectation is an {@link AssertionError} listing the expected and the actual events.
 */
@NullMarked
package dev.eventsourcing.testing;

import org.jspecify.annotations.NullMarked;
