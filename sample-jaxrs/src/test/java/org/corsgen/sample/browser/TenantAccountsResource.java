package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * As {@link TenantDomainsResource}, for requests that carry the user's credentials: the origins
 * decided at each request are granted credentials too, each by name.
 */
@Path("tenant-accounts")
@Cors(origins = "${tenant.origins}", allowCredentials = true, allowHeaders = "Content-Type",
    maxAge = 0)
public class TenantAccountsResource {

  @GET
  public String get() {
    return "account";
  }

  @PUT
  public String put(String body) {
    return "stored " + body;
  }
}
