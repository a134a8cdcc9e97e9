package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/** A HEAD method of its own, without a policy: it must not borrow GET's. */
@Path("/head")
public class HeadResource {

  @GET
  @Cors(origins = "https://app.example.com")
  public String get() {
    return "body";
  }

  @HEAD
  public Response head() {
    return Response.ok().build();
  }
}
