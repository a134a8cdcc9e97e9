package org.corsgen.sample.browser;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Three policies for one origin at one URL, only one of which allows the {@code X-Csrf} header:
 * what the browser learns from one method's preflight must not carry over to the others.
 */
@Path("mixed")
public class MixedPoliciesResource {

  @PUT
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "X-Csrf", maxAge = 600)
  public String put(String body) {
    return "put";
  }

  @DELETE
  @Cors(origins = TestOrigins.PAGE, maxAge = 600)
  public String delete() {
    return "deleted";
  }

  @GET
  @Cors(origins = TestOrigins.PAGE, maxAge = 600)
  public String get() {
    return "read";
  }
}
