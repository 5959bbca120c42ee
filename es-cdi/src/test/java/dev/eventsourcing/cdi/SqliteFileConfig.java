package dev.eventsourcing.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Produces the settings of a test deployment: the counting SQLite store, in a new file. */
@ApplicationScoped
public class SqliteFileConfig {
  static final Path FILE;

  static {
    try {
      FILE = Files.createTempDirectory("es-cdi").resolve("events.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Produces
  EventSourcingConfig config() {
    return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "counting-sqlite", "SQLITE_DBNAME", FILE.toString()));
  }
}
