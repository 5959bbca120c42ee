package dev.eventsourcing.bench;

import dev.eventsourcing.persistence.PersistenceModule;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * A store the workloads run on. It hands out an empty store for each measurement, to the library and to the
 * baseline; the caller closes them and calls {@link #clear()} before asking for the next ones.
 */
public interface Store extends AutoCloseable {
  StoreKind kind();

  /** The store's version and settings, for the results. */
  String description();

  /** The library on an empty store of this kind. */
  Worlds library(Features features);

  /**
   * Plain JDBC keeping the library's promises on an empty store of this kind, or {@code null} if there is no
   * baseline (in memory).
   */
  @Nullable Worlds baseline(Features features);

  /**
   * Plain JDBC at the physical limit (the least the work needs) on an empty store of this kind, or {@code null} if
   * there is none.
   */
  default @Nullable Worlds physicalLimit(Features features) {
    return null;
  }

  /** Deletes what earlier measurements left behind; called while none of the stores it handed out is open. */
  default void clear() {}

  /** Called before a measurement's timed part, to start it in the same state each time. */
  default void settle() {}

  /** Why the library can't run on this store, or {@code null} if it can: its persistence module must be present. */
  default @Nullable String libraryUnavailable() {
    for (PersistenceModule module : ServiceLoader.load(PersistenceModule.class)) {
      if (module.name().equals(kind().persistenceModule())) {
        return null;
      }
    }
    return "PERSISTENCE_MODULE=" + kind().persistenceModule() + " is not on the class path (it comes with es-jpa)";
  }

  @Override
  void close();
}
