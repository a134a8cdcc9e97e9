package org.corsgen.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A resource open to every origin and every request header but {@code Authorization}. */
@Path("/public")
@Cors(origins = "*", allowHeaders = "*", exposeHeaders = "*", maxAge = 0)
public class PublicResource {

  @GET
  public String get() {
    return "public";
  }

  @POST
  public String post(String body) {
    return "posted";
  }
}
