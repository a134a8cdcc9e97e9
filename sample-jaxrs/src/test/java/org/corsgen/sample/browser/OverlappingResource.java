package org.corsgen.sample.browser;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * Two templates that both match {@code /overlapping/6}: Jersey sends OPTIONS there to
 * {@code {id: \d+}}, which comes first, and GET and POST on to {@code {id}}.
 */
@Path("overlapping")
public class OverlappingResource {

  @GET
  @Path("{id}")
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "X-Csrf", maxAge = 600)
  public String get(@PathParam("id") String id) {
    return "got " + id;
  }

  @DELETE
  @Path("{id: \\d+}")
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "X-Csrf", maxAge = 600)
  public String delete(@PathParam("id") long id) {
    return "deleted " + id;
  }

  @POST
  @Path("{id}")
  public String post(@PathParam("id") String id, String body) {
    return "posted " + id;
  }
}
