package dev.eventsourcing.cdi.beans;

/** A bean type of {@link NamingCounter} that {@link Decorated} decorates. */
public interface Described {
  String describe();
}
