package org.corsgen.it;

import jakarta.ws.rs.GET;
import org.corsgen.Cors;

/** Its policy covers {@link BasedResource}'s GET, and its own where a locator returns it. */
@Cors(origins = "https://app.example.com")
public class BaseOfBasedResource {

  @GET
  public String get() {
    return "base";
  }
}
