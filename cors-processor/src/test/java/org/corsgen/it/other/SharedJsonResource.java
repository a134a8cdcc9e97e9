package org.corsgen.it.other;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.corsgen.it.SharedCorsBase;

/** In another package, so its copy of the inherited policy is another generated class's. */
@Path("/shared")
public class SharedJsonResource extends SharedCorsBase {

  @GET
  @Produces("application/json")
  public String json() {
    return "\"json\"";
  }
}
