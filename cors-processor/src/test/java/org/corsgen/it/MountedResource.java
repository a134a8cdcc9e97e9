package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A root resource that {@link MountingResource}'s locator also returns. */
@Path("/mounted")
@Cors(origins = "https://app.example.com")
public class MountedResource {

  @GET
  public String get() {
    return "mounted";
  }

  @PUT
  @Path("x")
  public String put(String body) {
    return "put x";
  }
}
