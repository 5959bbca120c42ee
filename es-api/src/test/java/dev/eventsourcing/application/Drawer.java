package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import java.util.List;

/** An aggregate whose events hold a value declared as an interface that is not sealed: it can't be saved. */
public final class Drawer extends Aggregate<Drawer.Event> {
  /** Open to any implementation, so the stored JSON would not say which one a value is. */
  public interface Label {}

  public record Plain(String text) implements Label {}

  public sealed interface Event permits Opened, Filed, Sorted {}

  public record Opened(String name) implements Event {}

  public record Filed(Label label) implements Event {}

  public record Sorted(List<Label> labels) implements Event {}

  private Drawer() {}

  public Drawer(String name) {
    trigger(new Opened(name));
  }

  public void record(Event event) {
    trigger(event);
  }

  @Override
  protected void apply(Event event) {}
}
