package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** The same policy written on two methods of one path, as a user may copy it. */
@Path("/alike")
public class AlikeResource {

  @GET
  @Cors(origins = "https://app.example.com", allowHeaders = "X-Token")
  public String get() {
    return "alike";
  }

  @PUT
  @Cors(origins = "https://app.example.com", allowHeaders = "X-Token")
  public String put(String body) {
    return body;
  }
}
