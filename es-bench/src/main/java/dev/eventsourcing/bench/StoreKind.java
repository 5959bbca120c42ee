package dev.eventsourcing.bench;

import java.util.Locale;

/** The stores the benchmark runs on, named as {@code PERSISTENCE_MODULE} names them. */
public enum StoreKind {
  MEMORY,
  SQLITE,
  POSTGRES;

  /** The name of the store, as {@code PERSISTENCE_MODULE} and the command line give it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The store named {@code id}. */
  public static StoreKind of(String id) {
    for (StoreKind kind : values()) {
      if (kind.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown store '" + id + "': use memory, sqlite or postgres");
  }
}
