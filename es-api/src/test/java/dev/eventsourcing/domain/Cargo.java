package dev.eventsourcing.domain;

/** A top-level payload permitted by the sealed event type nested in {@link TopicsTest.Truck}. */
record Cargo(String goods) implements TopicsTest.Truck.Event {}
