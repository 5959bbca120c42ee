package dev.eventsourcing.examples.universe;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DecodableTypes;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An application of worlds: the reference README's application. */
public class Universe extends Application {
  public Universe() {
    super();
  }

  public Universe(Map<String, String> environment) {
    super(environment);
  }

  public UUID createWorld(String name) {
    World world = new World(name);
    save(world);
    return world.id();
  }

  public void makeItSo(UUID worldId, String what) {
    World world = getWorld(worldId);
    world.makeItSo(what);
    save(world);
  }

  public List<String> getHistory(UUID worldId) {
    return getWorld(worldId).history();
  }

  private World getWorld(UUID worldId) {
    return repository().get(worldId, World.class);
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(World.class);
  }
}
