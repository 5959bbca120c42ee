package dev.eventsourcing.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** A bean that an application is injected into. */
@ApplicationScoped
public class WorldService {
  @Inject Universe universe;

  public UUID createWorldWithHistory(String name, String... what) {
    UUID id = universe.createWorld(name);
    for (String each : what) {
      universe.makeItSo(id, each);
    }
    return id;
  }

  public List<String> history(UUID id) {
    return universe.getHistory(id);
  }

  public Universe universe() {
    return universe;
  }
}
