package org.corsgen.sample.browser;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** An application exception, mapped to 429 by the application's own {@link Mapper}. */
public class QuotaExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final class Mapper implements ExceptionMapper<QuotaExceededException> {
    @Override
    public Response toResponse(QuotaExceededException exception) {
      return Response.status(429).entity("quota exceeded, retry tomorrow").build();
    }
  }
}
