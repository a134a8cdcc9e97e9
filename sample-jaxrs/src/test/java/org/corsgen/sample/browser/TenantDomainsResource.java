package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Open to the origins the application knows at the moment of each request: tenants' own domains,
 * say, which sign up while it runs. {@code maxAge = 0}, so that a tenant taken off the list is
 * refused at its next preflight rather than when the browser's cache of the last one expires.
 */
@Path("tenant-domains")
@Cors(origins = "${tenant.origins}", allowHeaders = "Content-Type", maxAge = 0)
public class TenantDomainsResource {

  @GET
  public String get() {
    return "tenant data";
  }

  @PUT
  public String put(String body) {
    return "stored " + body;
  }
}
