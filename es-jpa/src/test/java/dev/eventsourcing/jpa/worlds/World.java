package dev.eventsourcing.jpa.worlds;

import dev.eventsourcing.domain.Aggregate;
import java.util.ArrayList;
import java.util.List;

/** The reference README's aggregate, as in es-examples (which es-jpa must not depend on). */
public final class World extends Aggregate<World.Event> {
  /** The events of a world. */
  public sealed interface Event permits Created, SomethingHappened {}

  /** A world was created with a name. */
  public record Created(String name) implements Event {}

  /** Something happened in a world. */
  public record SomethingHappened(String what) implements Event {}

  private String name = "";
  private final List<String> history = new ArrayList<>();

  private World() {}

  public World(String name) {
    trigger(new Created(name));
  }

  public void makeItSo(String what) {
    trigger(new SomethingHappened(what));
  }

  public String name() {
    return name;
  }

  public List<String> history() {
    return List.copyOf(history);
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Created created) {
      name = created.name();
    } else if (event instanceof SomethingHappened happened) {
      history.add(happened.what());
    } else {
      throw new IllegalArgumentException("World can't apply " + event);
    }
  }
}
