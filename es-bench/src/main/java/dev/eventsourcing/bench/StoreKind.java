package dev.eventsourcing.bench;

import java.util.Locale;

/**
 * The stores the benchmark runs on: named as {@code PERSISTENCE_MODULE} names them, and the jpa store on each
 * database of the JDBC stores ({@code jpa-sqlite}, {@code jpa-postgres}, Hibernate building its persistence unit).
 */
public enum StoreKind {
  MEMORY,
  SQLITE,
  POSTGRES,
  JPA_SQLITE,
  JPA_POSTGRES;

  /** The name of the store, as the command line gives it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The {@code PERSISTENCE_MODULE} of the library on this store. */
  public String persistenceModule() {
    return isJpa() ? "jpa" : id();
  }

  /** Whether the library runs its jpa store here. */
  public boolean isJpa() {
    return this == JPA_SQLITE || this == JPA_POSTGRES;
  }

  /** The store named {@code id}. */
  public static StoreKind of(String id) {
    for (StoreKind kind : values()) {
      if (kind.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown store '" + id + "': use memory, sqlite, postgres, jpa-sqlite or"
        + " jpa-postgres");
  }
}
