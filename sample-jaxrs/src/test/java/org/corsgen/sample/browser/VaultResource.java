package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.corsgen.Cors;

/** Behind {@link RequireAuthorizationFilter}; pages send the token in Authorization. */
@Path("vault")
@Cors(origins = TestOrigins.PAGE, allowHeaders = "Authorization")
public class VaultResource {

  @GET
  public String open(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return "opened with " + authorization;
  }
}
