package dev.eventsourcing.examples.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/**
 * The atlas over HTTP: {@code POST /api/atlas} with a name charts a world (its events and its {@link WorldSummary}
 * in one transaction; 409 Conflict if the name is taken), {@code GET /api/atlas} lists the names, {@code GET
 * /api/atlas/{id}/history} reads a world's history.
 */
@Path("/atlas")
@RequestScoped
public class AtlasResource {
  @Inject Atlas atlas;
  @Inject AtlasUnit unit;

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN)
  public Response chart(String name, @Context UriInfo uri) {
    String stripped = name.strip();
    if (unit.summary(stripped) != null) {
      return Response.status(Response.Status.CONFLICT).entity("a world is named " + stripped).build();
    }
    UUID id = unit.chart(stripped);
    return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).path("history").build())
        .entity(id.toString())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> names() {
    return unit.names();
  }

  @GET
  @Path("/{id}/history")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> history(@PathParam("id") UUID id) {
    return atlas.getHistory(id);
  }
}
