package dev.eventsourcing.examples.web;

import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Added to the WAR by the server test: the system of the Universe and its counter, and the counter over HTTP. */
@Path("/counted-worlds")
@RequestScoped
public class CountedWorlds {
  @Inject WorldCounter counter;
  @Inject Runner runner;

  @GET
  public String counted() {
    return counter.counted();
  }

  /** What stopped the system's followers, if anything did: one line each. */
  @GET
  @Path("/failures")
  public String failures() {
    return ((MultiThreadedRunner) runner).failures().stream()
        .map(Throwable::toString)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The class of the thread of the Universe's PostgreSQL session (LISTEN and leases), which the runner's
   * subscription started; {@code none} if there is none.
   */
  @GET
  @Path("/session-thread")
  public String sessionThread() {
    runner.get(Universe.class); // the runner has started, and subscribed to the Universe's notifications
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("eventsourcing-Universe-postgres-session"))
        .map(thread -> thread.getClass().getName())
        .findFirst()
        .orElse("none");
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
