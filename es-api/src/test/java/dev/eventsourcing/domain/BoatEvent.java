package dev.eventsourcing.domain;

/** The sealed event type of {@link DecodableTypesTest.Boat}, declared outside the aggregate class. */
sealed interface BoatEvent permits BoatEvent.Sailed {
  record Sailed(String to) implements BoatEvent {}
}
