package org.corsgen.sample.browser;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A development server's API open to every request header but Authorization. */
@Path("dev-any-header")
@Cors(origins = TestOrigins.DEV_HOST_ANY_PORT, allowHeaders = "*")
public class DevAnyHeaderResource {

  @PUT
  public String put(String body) {
    return "stored " + body;
  }
}
