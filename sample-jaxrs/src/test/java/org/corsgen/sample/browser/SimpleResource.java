package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A simple GET for one exact origin. */
@Path("simple")
@Cors(origins = TestOrigins.PAGE)
public class SimpleResource {

  @GET
  public String get() {
    return "hello from the API";
  }
}
