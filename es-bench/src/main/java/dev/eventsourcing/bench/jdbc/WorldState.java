package dev.eventsourcing.bench.jdbc;

import dev.eventsourcing.examples.universe.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A world as the baseline folds it from its events: what the library's {@code World} holds. Not thread-safe. */
final class WorldState {
  final UUID id;
  int version;
  String name = "";
  final List<String> history;
  Instant createdOn;
  Instant modifiedOn;

  WorldState(UUID id, Instant createdOn) {
    this.id = id;
    this.history = new ArrayList<>();
    this.createdOn = createdOn;
    this.modifiedOn = createdOn;
  }

  /** A world restored from a snapshot. */
  WorldState(UUID id, int version, String name, List<String> history, Instant createdOn, Instant modifiedOn) {
    this.id = id;
    this.version = version;
    this.name = name;
    this.history = new ArrayList<>(history);
    this.createdOn = createdOn;
    this.modifiedOn = modifiedOn;
  }

  /** Applies the event at {@code eventVersion}, which must be the next version, as the library's mutate checks. */
  void apply(int eventVersion, Instant timestamp, World.Event payload) {
    if (eventVersion != version + 1) {
      throw new IllegalStateException("event of " + id + " at version " + eventVersion + " does not follow version "
          + version);
    }
    if (payload instanceof World.Created created) {
      name = created.name();
    } else if (payload instanceof World.SomethingHappened happened) {
      history.add(happened.what());
    } else {
      throw new IllegalArgumentException("a world can't apply " + payload.getClass().getName());
    }
    version = eventVersion;
    modifiedOn = timestamp;
  }
}
