package dev.eventsourcing.bench;

import java.util.List;
import java.util.UUID;

/**
 * The operations the workloads are made of, on the reference README's worlds: done by the library ({@link
 * LibraryWorlds}) or by plain JDBC ({@link dev.eventsourcing.bench.jdbc.JdbcWorlds}), each on a store of its own
 * that starts empty. Every operation that writes is one transaction. Safe to use from several threads when they
 * work on different worlds.
 */
public interface Worlds extends AutoCloseable {
  /** Creates a world and saves its first event. */
  UUID createWorld(String name);

  /**
   * Loads a world from the store, records that something happened in it, and saves the new event: the reference
   * README's {@code Universe.make_it_so}.
   */
  void makeItSo(UUID worldId, String what);

  /**
   * Creates a world and saves its first event, then records each of {@code changes} in it and saves each new event
   * on its own, keeping the world in memory: nothing is loaded from the store.
   *
   * @return the world's id
   */
  UUID createAndChange(String name, List<String> changes);

  /** Creates {@code worlds} new worlds of {@code eventsEach} events each and saves all their events atomically. */
  List<UUID> createWorlds(int worlds, int eventsEach);

  /** Rebuilds a world from the store (from its latest snapshot when snapshots are kept) and returns its version. */
  int rebuild(UUID worldId);

  /** Stores a snapshot of a world's current state. */
  void takeSnapshot(UUID worldId);

  /**
   * Reads the whole notification log from the first id, asking for sections of {@code sectionSize}, and decodes
   * every event.
   *
   * @return how many events were read
   * @throws IllegalStateException if an id is not the one after its predecessor
   */
  long readLog(int sectionSize);

  /** How many events are stored: the highest notification id. */
  long storedEvents();

  /**
   * A follower of this store's log, ready to process: it records, for each upstream event, one new event and the
   * tracking record of the upstream notification, {@code batchSize} upstream events per transaction; with {@code
   * batchSize} 0, the library's default (the baselines: one per transaction).
   */
  Follower follower(int batchSize);

  @Override
  void close();

  /** A process application, or the baseline's equivalent, following the log of a {@link Worlds}. */
  interface Follower extends AutoCloseable {
    /**
     * Processes every upstream event not processed yet.
     *
     * @return how many were processed
     */
    long processAll();

    /** How many events the follower has recorded. */
    long recordedEvents();

    @Override
    void close();
  }
}
