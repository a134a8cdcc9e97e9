package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Origins from configuration beside a literal one, as deployments to several stages need. */
@Path("/configured")
@Cors(origins = {"https://app.example.com", "${corsgen.it.origins}"}, allowCredentials = true)
public class ConfiguredResource {

  @GET
  public String get() {
    return "configured";
  }
}
