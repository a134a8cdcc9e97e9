package org.corsgen.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/**
 * The smallest policy: exact origins. A GET without custom headers is a "simple" request, so the
 * browser sends it without a preflight and then lets the page read the answer only if
 * {@code Access-Control-Allow-Origin} names the page's origin.
 */
@Path("greeting")
@Cors(origins = {SampleOrigins.PAGE, SampleOrigins.PAGE_BY_NAME})
public class GreetingResource {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String greet() {
    return "Hello from the corsgen sample API";
  }
}
