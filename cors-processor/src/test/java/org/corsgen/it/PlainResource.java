package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** No CORS: corsgen must leave it exactly as Jersey serves it. */
@Path("/plain")
public class PlainResource {

  @GET
  public String get() {
    return "plain";
  }
}
