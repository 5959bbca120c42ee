package dev.eventsourcing.examples.web;

import dev.eventsourcing.application.AggregateNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown world is 404 Not Found. */
@Provider
public class AggregateNotFoundMapper implements ExceptionMapper<AggregateNotFoundException> {
  @Override
  public Response toResponse(AggregateNotFoundException exception) {
    return Response.status(Response.Status.NOT_FOUND).entity(exception.getMessage()).build();
  }
}
