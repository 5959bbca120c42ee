package dev.eventsourcing.bench;

/**
 * The sizes of the workloads.
 *
 * @param w1Worlds W1 and W1a: worlds created, each in a transaction of its own
 * @param w1Commands W1 and W1a: commands on each world after it is created, each saved in a transaction of its own
 * @param w2Transactions W2 (and W4's data): transactions
 * @param w2Worlds W2: new worlds saved together in each transaction
 * @param w2Events W2: events of each of those worlds
 * @param w3Events W3: events of the world that is rebuilt
 * @param w3Gets W3: times it is rebuilt in a run (the run's figure is their median)
 * @param sectionSize W4: the size of the sections the log is read in
 * @param writers W1x4: concurrent writers; W1x16 has four times as many
 */
public record Sizes(
    int w1Worlds,
    int w1Commands,
    int w2Transactions,
    int w2Worlds,
    int w2Events,
    int w3Events,
    int w3Gets,
    int sectionSize,
    int writers) {

  public Sizes {
    int[] all = {w1Worlds, w1Commands + 1, w2Transactions, w2Worlds, w2Events, w3Events, w3Gets, sectionSize,
        writers};
    for (int size : all) {
      if (size < 1) {
        throw new IllegalArgumentException("workload sizes must be positive: " + this);
      }
    }
  }

  /** The sizes of the issue: 10,000 events for W1, W1a, W2 and W4, a world of 1,000 events for W3. */
  public static Sizes standard() {
    return new Sizes(2_000, 4, 100, 10, 10, 1_000, 50, 1_000, 4);
  }

  /** Small sizes that run every workload in seconds: for checking that the benchmark works, not for figures. */
  public static Sizes quick() {
    return new Sizes(40, 4, 4, 5, 10, 100, 5, 50, 4);
  }

  public long w1EventCount() {
    return (long) w1Worlds * (1 + w1Commands);
  }

  public long w2EventCount() {
    return (long) w2Transactions * w2Worlds * w2Events;
  }
}
