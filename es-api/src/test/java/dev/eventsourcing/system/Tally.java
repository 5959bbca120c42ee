package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import java.util.UUID;

/** One count with a known id, which every notification a {@link Tallies} processes changes. */
public final class Tally extends Aggregate<Tally.Event> {
  public static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

  public sealed interface Event permits Started, Counted {}

  public record Started() implements Event {}

  public record Counted(long upstreamNotificationId) implements Event {}

  private long count;

  private Tally() {}

  public static Tally start() {
    Tally tally = new Tally();
    tally.trigger(new Started());
    return tally;
  }

  public void count(long upstreamNotificationId) {
    trigger(new Counted(upstreamNotificationId));
  }

  public long count() {
    return count;
  }

  @Override
  protected UUID createId(Event payload) {
    return ID;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Counted) {
      count++;
    }
  }
}
