package dev.eventsourcing.examples.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Added to the WAR by the server test: saves inside a JTA transaction of the caller's, which commits, or which an
 * exception after the saves rolls back.
 */
@Path("/transactional-worlds")
@RequestScoped
public class TransactionalWorlds {
  @Inject Universe universe;
  @Inject Multiverse multiverse;

  /** Creates a world and makes something happen in it, in two saves of one transaction. */
  @POST
  @Transactional
  @Produces(MediaType.TEXT_PLAIN)
  public String createWorld(@QueryParam("name") String name, @QueryParam("fail") boolean fail) {
    UUID id = universe.createWorld(name);
    universe.makeItSo(id, "trucks");
    if (fail) {
      throw new IllegalStateException("the caller's transaction fails after " + name + " was saved");
    }
    return id.toString();
  }

  /** As {@link #createWorld}, in the {@link Multiverse}. */
  @POST
  @Path("/multiverse")
  @Transactional
  @Produces(MediaType.TEXT_PLAIN)
  public String createWorldInTheMultiverse(@QueryParam("name") String name, @QueryParam("fail") boolean fail) {
    UUID id = multiverse.createWorld(name);
    if (fail) {
      throw new IllegalStateException("the caller's transaction fails after " + name + " was saved");
    }
    return id.toString();
  }
}
