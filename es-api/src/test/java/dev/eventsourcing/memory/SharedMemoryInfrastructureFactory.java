package dev.eventsourcing.memory;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.ProcessRecorder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store for tests that restart applications: every application constructed with the same {@value
 * #MEMORY_STORE} and the same name gets the same recorders, as it would get the same tables of a database.
 */
public class SharedMemoryInfrastructureFactory extends MemoryInfrastructureFactory {
  public static final String MEMORY_STORE = "MEMORY_STORE";

  private static final Map<String, AggregateRecorder> RECORDERS = new ConcurrentHashMap<>();

  private final String key;

  public SharedMemoryInfrastructureFactory(Environment environment) {
    super(environment);
    this.key = environment.require(MEMORY_STORE, "a shared memory store") + "/" + environment.name() + "/";
  }

  /** Forgets the recorders of a store. */
  public static void forget(String store) {
    RECORDERS.keySet().removeIf(key -> key.startsWith(store + "/"));
  }

  @Override
  public AggregateRecorder aggregateRecorder(String purpose) {
    return RECORDERS.computeIfAbsent(key + purpose, k -> new MemoryAggregateRecorder());
  }

  @Override
  public ApplicationRecorder applicationRecorder() {
    return processRecorder();
  }

  @Override
  public ProcessRecorder processRecorder() {
    return (ProcessRecorder) RECORDERS.computeIfAbsent(key + "events", k -> new MemoryProcessRecorder());
  }
}
