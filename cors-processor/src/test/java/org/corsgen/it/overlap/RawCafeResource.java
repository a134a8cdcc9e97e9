package org.corsgen.it.overlap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Jersey descends into this one at {@code /caf%C3%A9/5}, as into a locator, so it stops there and
 * never tries {@link AnyPairResource}.
 */
@Path("/caf\u00e9/{id: \\d+}")
@Cors(origins = "https://app.example.com")
public class RawCafeResource {

  @GET
  @Path("x")
  public String x() {
    return "x";
  }
}
