package dev.eventsourcing.examples.web;

import dev.eventsourcing.persistence.RecordConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A save that conflicts with another of the same version is 409 Conflict; its transaction rolls back. */
@Provider
public class RecordConflictMapper implements ExceptionMapper<RecordConflictException> {
  @Override
  public Response toResponse(RecordConflictException exception) {
    return Response.status(Response.Status.CONFLICT).entity(exception.getMessage()).build();
  }
}
