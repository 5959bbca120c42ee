package dev.eventsourcing.examples.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;

/**
 * Worlds over HTTP: {@code POST /api/worlds} with a name creates one, {@code POST /api/worlds/{id}/history} with
 * what happened makes it so, {@code GET /api/worlds/{id}/history} reads its history as JSON.
 */
@Path("/worlds")
@RequestScoped
public class WorldsResource {
  @Inject Universe universe;

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN)
  public Response createWorld(String name, @Context UriInfo uri) {
    UUID id = universe.createWorld(name.strip());
    return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).path("history").build())
        .entity(id.toString())
        .build();
  }

  @POST
  @Path("/{id}/history")
  @Consumes(MediaType.TEXT_PLAIN)
  public Response makeItSo(@PathParam("id") UUID id, String what) {
    universe.makeItSo(id, what.strip());
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/history")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> history(@PathParam("id") UUID id) {
    return universe.getHistory(id);
  }
}
