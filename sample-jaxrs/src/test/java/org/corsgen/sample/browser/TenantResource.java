package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Open to every subdomain of app.test. */
@Path("tenant")
@Cors(origins = TestOrigins.APP_SUBDOMAINS)
public class TenantResource {

  @GET
  public String get() {
    return "tenant data";
  }
}
