package org.corsgen.sample.browser;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/** Two preflighted writes whose policies differ only in how long a preflight may be cached. */
@Path("cache")
public class PreflightCacheResource {

  @PUT
  @Path("ten-minutes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "Content-Type", maxAge = 600)
  public String tenMinutes(String body) {
    return "stored";
  }

  @PUT
  @Path("browser-default")
  @Consumes(MediaType.APPLICATION_JSON)
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "Content-Type", maxAge = -1)
  public String browserDefault(String body) {
    return "stored";
  }
}
