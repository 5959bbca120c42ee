package dev.eventsourcing.examples.web;

import dev.eventsourcing.examples.universe.World;
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
  @Inject Atlas atlas;
  @Inject AtlasUnit atlasUnit;

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

  /** Charts a world in the {@link Atlas} (its events and its summary), in a transaction that may then fail. */
  @POST
  @Path("/atlas")
  @Transactional
  @Produces(MediaType.TEXT_PLAIN)
  public String chartWorld(@QueryParam("name") String name, @QueryParam("fail") boolean fail) {
    UUID id = atlasUnit.chart(name);
    if (fail) {
      throw new IllegalStateException("the caller's transaction fails after " + name + " was charted");
    }
    return id.toString();
  }

  /**
   * Creates a world in the {@link Atlas} and saves two changes of its first version, read twice: the second save
   * conflicts (409), and the transaction rolls back, the world's creation with it.
   */
  @POST
  @Path("/atlas/conflict")
  @Transactional
  @Produces(MediaType.TEXT_PLAIN)
  public String conflict(@QueryParam("name") String name) {
    UUID id = atlas.createWorld(name);
    World first = atlas.repository().get(id, World.class);
    World second = atlas.repository().get(id, World.class);
    first.makeItSo("dinosaurs");
    atlas.save(first);
    second.makeItSo("trucks");
    atlas.save(second);
    return id.toString();
  }
}
