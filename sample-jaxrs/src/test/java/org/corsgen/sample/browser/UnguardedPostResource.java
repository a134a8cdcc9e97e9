package org.corsgen.sample.browser;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * A header allowed for PUT at a URL whose POST has no policy: what the browser learns from the
 * PUT preflight must not let it send that POST with the header unasked.
 */
@Path("unguarded")
public class UnguardedPostResource {

  @PUT
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "X-Csrf", maxAge = 600)
  public String put(String body) {
    return "put";
  }

  @POST
  public String post(String body) {
    return "posted";
  }
}
