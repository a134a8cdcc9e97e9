package org.corsgen.it.overlap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * The first template matching {@code /mixed/abc} has no policy; PUT there is served by the
 * second, which has one.
 */
@Path("/mixed")
public class MixedResource {

  @GET
  @Path("{name: [a-z]+}")
  public String get(@PathParam("name") String name) {
    return "mixed " + name;
  }

  @PUT
  @Path("{id}")
  @Cors(origins = "https://app.example.com")
  public String put(@PathParam("id") String id, String body) {
    return "put " + id;
  }
}
