package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * {@code @Path} and {@code @Cors} on an interface, implemented by a class with no annotation of
 * its own: Jersey serves {@link GadgetsResource} at the interface's path.
 */
@Path("/gadgets")
@Cors(origins = "https://app.example.com", allowHeaders = "Content-Type")
public interface GadgetsApi {

  @GET
  String list();

  @PUT
  @Path("{id}")
  String put(@PathParam("id") String id, String body);
}
