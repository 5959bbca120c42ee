package dev.eventsourcing.domain;

import java.util.concurrent.atomic.AtomicBoolean;

/** A class that is not a payload of any aggregate and records whether its static initialiser ever ran. */
public final class HostilePayload {
  static final AtomicBoolean INITIALISED = Initialised.FLAG;

  static {
    Initialised.FLAG.set(true);
  }

  /** Holds the flag outside HostilePayload, so reading it doesn't initialise HostilePayload. */
  static final class Initialised {
    static final AtomicBoolean FLAG = new AtomicBoolean();
  }

  private HostilePayload() {}
}
