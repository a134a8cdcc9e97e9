package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A {@code @Path} API interface without CORS, as OpenAPI generators write them. */
@Path("/parts")
public interface PartsApi {

  @GET
  String get();
}
