package dev.eventsourcing.bench.latency;

import dev.eventsourcing.domain.Aggregate;

/** An aggregate of one event, whose commit the writer times and whose processing the follower times. */
public final class Probe extends Aggregate<Probe.Event> {
  public sealed interface Event permits Sent {}

  public record Sent() implements Event {}

  private Probe() {}

  static Probe send() {
    Probe probe = new Probe();
    probe.trigger(new Sent());
    return probe;
  }

  @Override
  protected void apply(Event event) {}
}
