package dev.eventsourcing.examples.web;

import dev.eventsourcing.system.EventSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** Added to the WAR by the server test: the system of the Universe and its counter, and the counter over HTTP. */
@Path("/counted-worlds")
@RequestScoped
public class CountedWorlds {
  @Inject WorldCounter counter;

  @GET
  public String counted() {
    return counter.counted();
  }

  /** The deployment's event system. */
  @ApplicationScoped
  public static class Pipes {
    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }
}
