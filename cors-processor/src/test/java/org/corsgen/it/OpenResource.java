package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

@Path("/open")
@Cors(origins = "*", allowHeaders = "*", exposeHeaders = "*", maxAge = 0)
public class OpenResource {

  @GET
  public String get() {
    return "open";
  }

  @POST
  public String post(String body) {
    return "posted";
  }
}
