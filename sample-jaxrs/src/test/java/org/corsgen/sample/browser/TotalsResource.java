package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/** The same response header, exposed to scripts by one policy and not by the other. */
@Path("totals")
public class TotalsResource {

  @GET
  @Path("exposed")
  @Cors(origins = TestOrigins.PAGE, exposeHeaders = "X-Total-Count")
  public Response exposed() {
    return Response.ok("[]", MediaType.APPLICATION_JSON_TYPE).header("X-Total-Count", 42).build();
  }

  @GET
  @Path("hidden")
  @Cors(origins = TestOrigins.PAGE)
  public Response hidden() {
    return Response.ok("[]", MediaType.APPLICATION_JSON_TYPE).header("X-Total-Count", 42).build();
  }
}
