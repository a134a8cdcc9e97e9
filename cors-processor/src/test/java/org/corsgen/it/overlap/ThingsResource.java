package org.corsgen.it.overlap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * Two templates of one class that both match {@code /things/5}: Jersey serves GET there from
 * {@code {id}}, although {@code {id: \d+}} comes first and takes every OPTIONS request.
 */
@Path("/things")
@Cors(origins = "https://app.example.com", allowHeaders = "Authorization")
public class ThingsResource {

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return "thing " + id;
  }

  @DELETE
  @Path("{id: \\d+}")
  public String delete(@PathParam("id") long id) {
    return "deleted " + id;
  }
}
