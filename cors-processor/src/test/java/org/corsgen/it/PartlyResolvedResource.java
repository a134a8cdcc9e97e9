package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Reached only through {@link MountingResource}'s locator: its PUT's origins placeholder has no
 * value, which would stop the application at start-up were it registered itself.
 */
@Path("/partly")
@Cors(origins = "https://app.example.com")
public class PartlyResolvedResource {

  @GET
  public String get() {
    return "partly";
  }

  @PUT
  @Path("p")
  @Cors(origins = "${corsgen.it.partly-origins}")
  public String put(String body) {
    return "put p";
  }
}
