package org.corsgen.it;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class TeapotException extends RuntimeException {

  /** Maps {@link TeapotException} to 418, as an application's own mapper would. */
  public static class Mapper implements ExceptionMapper<TeapotException> {
    @Override
    public Response toResponse(TeapotException exception) {
      return Response.status(418).entity("short and stout").build();
    }
  }
}
