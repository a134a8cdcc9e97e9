package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Open to development servers whose ports change from run to run: one loopback host and the
 * subdomains of another, each on any port.
 */
@Path("dev")
@Cors(
    origins = {TestOrigins.DEV_HOST_ANY_PORT, TestOrigins.DEV_SUBDOMAINS_ANY_PORT},
    allowHeaders = "Content-Type",
    allowCredentials = true)
public class DevServerResource {

  @GET
  public String get() {
    return "dev data";
  }

  @PUT
  public String put(String body) {
    return "stored " + body;
  }
}
