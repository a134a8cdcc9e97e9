package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A placeholder with a default, for local development. */
@Path("/defaulted")
@Cors(origins = "${corsgen.it.unset-origins:http://localhost:3000}")
public class DefaultedResource {

  @GET
  public String get() {
    return "defaulted";
  }
}
