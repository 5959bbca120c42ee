package dev.eventsourcing.cdi;

import dev.eventsourcing.jpa.sqlite.SqliteInfrastructureFactory;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.PersistenceModule;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code PERSISTENCE_MODULE=counting-sqlite}: the SQLite store, counting the factories (each with its pool). */
public final class CountingStore implements PersistenceModule {
  static final AtomicInteger OPENED = new AtomicInteger();
  static final AtomicInteger CLOSED = new AtomicInteger();

  static void reset() {
    OPENED.set(0);
    CLOSED.set(0);
  }

  @Override
  public String name() {
    return "counting-sqlite";
  }

  @Override
  public InfrastructureFactory createFactory(Environment environment) {
    OPENED.incrementAndGet();
    return new SqliteInfrastructureFactory(environment) {
      @Override
      public void close() {
        CLOSED.incrementAndGet();
        super.close();
      }
    };
  }
}
