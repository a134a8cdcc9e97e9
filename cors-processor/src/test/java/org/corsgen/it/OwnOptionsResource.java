package org.corsgen.it;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** An OPTIONS method of the application's own at {@link ExtendedCorsResource}'s path. */
@Path("/extended-options")
@SuppressWarnings("CorsOptionsElsewhere")
public class OwnOptionsResource {

  @OPTIONS
  @Produces("text/plain")
  public String options() {
    return "mine";
  }
}
