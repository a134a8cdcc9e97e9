package org.corsgen.sample.browser;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/** A path with a regular expression: only numeric ids exist. */
@Path("items/{id: \\d+}")
@Cors(origins = TestOrigins.PAGE, allowHeaders = "Content-Type")
public class ItemsResource {

  @GET
  public String get(@PathParam("id") long id) {
    return "item " + id;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public String put(@PathParam("id") long id, String item) {
    return "stored item " + id;
  }
}
