package dev.eventsourcing.bench.latency;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The follower: it notes when its policy is given each probe ({@link System#nanoTime()}), and records nothing. */
public final class ProbeFollower extends ProcessApplication {
  private final Map<UUID, Long> processed = new ConcurrentHashMap<>();

  public ProbeFollower(Map<String, String> environment) {
    super(environment);
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    processed.putIfAbsent(event.originatorId(), System.nanoTime());
  }

  Map<UUID, Long> processed() {
    return processed;
  }
}
