package org.corsgen.sample.browser;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Open to every request header but Authorization, which {@code "*"} never covers (Fetch). */
@Path("any-header")
@Cors(origins = TestOrigins.PAGE, allowHeaders = "*", maxAge = 600)
public class AnyHeaderResource {

  @PUT
  public String put(String body) {
    return "stored " + body;
  }
}
