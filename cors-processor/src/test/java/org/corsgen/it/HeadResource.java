package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * A HEAD method of its own, without a policy: it must not borrow GET's, not even for Jersey's
 * 406 when neither produces what the request accepts.
 */
@Path("/head")
public class HeadResource {

  @GET
  @Produces("text/plain")
  @Cors(origins = "https://app.example.com")
  public String get() {
    return "body";
  }

  @HEAD
  @Produces("text/plain")
  public Response head() {
    return Response.ok().build();
  }
}
