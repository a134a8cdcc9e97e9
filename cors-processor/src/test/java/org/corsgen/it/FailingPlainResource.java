package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/failing")
public class FailingPlainResource {

  @GET
  public String get() {
    throw new IllegalStateException("unmapped, and no CORS here");
  }
}
