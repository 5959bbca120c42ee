package dev.eventsourcing.bench;

import dev.eventsourcing.persistence.InfrastructureFactory;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The library's in-memory store. It has no JDBC baseline: its figures are compared with absolute targets. */
public final class MemoryStore implements Store {
  @Override
  public StoreKind kind() {
    return StoreKind.MEMORY;
  }

  @Override
  public String description() {
    return "in memory";
  }

  @Override
  public Worlds library(Features features) {
    Map<String, String> environment = features.libraryEnvironment();
    environment.put(InfrastructureFactory.PERSISTENCE_MODULE, kind().id());
    return new LibraryWorlds(environment);
  }

  @Override
  public @Nullable Worlds baseline(Features features) {
    return null;
  }

  @Override
  public void close() {}
}
