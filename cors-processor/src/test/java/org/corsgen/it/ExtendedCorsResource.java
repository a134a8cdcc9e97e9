package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Shares its path with {@link ExtendedOptionsResource}'s own OPTIONS method. */
@Path("/extended-options")
@Cors(origins = "https://app.example.com")
public class ExtendedCorsResource {

  @GET
  public String get() {
    return "get";
  }
}
