package org.corsgen.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/**
 * A subdomain pattern: any {@code http://<name>.localhost:8081} page may read this, which suits
 * one subdomain per tenant. The pattern does not match the bare host, nor hosts that merely end
 * with the same letters.
 */
@Path("tenant")
@Cors(origins = SampleOrigins.ANY_LOCALHOST_SUBDOMAIN)
public class TenantResource {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String greet(@HeaderParam("Origin") String origin) {
    return "Hello, tenant page " + origin;
  }
}
