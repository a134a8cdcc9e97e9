package org.corsgen.it.overlap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * The first template matching {@code /own-options/abc} answers OPTIONS itself, so the preflight
 * for the PUT that {@code {id}} serves there never reaches corsgen.
 */
@Path("/own-options")
public class OwnOptionsFirstResource {

  @GET
  @Path("{name: [a-z]+}")
  public String get(@PathParam("name") String name) {
    return name;
  }

  @OPTIONS
  @Path("{name: [a-z]+}")
  public String options() {
    return "own";
  }

  @PUT
  @Path("{id}")
  @Cors(origins = "https://app.example.com")
  public String put(String body) {
    return "put";
  }
}
