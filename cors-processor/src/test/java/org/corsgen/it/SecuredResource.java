package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

@Path("/secured")
@Cors(origins = "https://app.example.com", allowHeaders = {"Authorization", "Content-Type"},
    allowCredentials = true)
public class SecuredResource {

  @GET
  public String get(@HeaderParam("Authorization") String authorization) {
    return "secret for " + authorization;
  }

  @PUT
  public String put(String body) {
    return "stored";
  }

  @GET
  @Path("boom")
  public String boom() {
    throw new IllegalStateException("unmapped");
  }
}
