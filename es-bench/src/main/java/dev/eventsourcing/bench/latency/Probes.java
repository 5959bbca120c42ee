package dev.eventsourcing.bench.latency;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DecodableTypes;
import java.util.Map;
import java.util.UUID;

/** The leader: the writer JVM saves probes, one per transaction. */
public final class Probes extends Application {
  public Probes(Map<String, String> environment) {
    super(environment);
  }

  UUID send() {
    Probe probe = Probe.send();
    save(probe);
    return probe.id();
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Probe.class);
  }
}
