package org.corsgen.it.scanned;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Found by {@code ResourceConfig.packages(...)}, not registered by name. */
@Path("/scanned")
@Cors(origins = "https://app.example.com")
public class ScannedResource {

  @GET
  public String get() {
    return "scanned";
  }
}
