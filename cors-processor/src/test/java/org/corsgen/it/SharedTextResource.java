package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

@Path("/shared")
public class SharedTextResource extends SharedCorsBase {

  @GET
  @Produces("text/plain")
  public String text() {
    return "text";
  }
}
