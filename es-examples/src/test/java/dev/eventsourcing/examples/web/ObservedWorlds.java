package dev.eventsourcing.examples.web;

import dev.eventsourcing.examples.universe.World;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Added to the WAR by the server test: observes the worlds created, as CDI events fired once their save has
 * committed, and lists their names over HTTP.
 */
@Path("/observed-worlds")
@ApplicationScoped
public class ObservedWorlds {
  private final List<String> names = new CopyOnWriteArrayList<>();

  void created(@Observes World.Created created) {
    names.add(created.name());
  }

  /** The names observed, one a line, in order. */
  @GET
  public String names() {
    return String.join("\n", names);
  }
}
