package dev.eventsourcing.domain;

/** A top-level payload permitted by the sealed event type nested in {@link DecodableTypesTest.Truck}. */
record Cargo(String goods) implements DecodableTypesTest.Truck.Event {}
