package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A method-level policy replaces the class policy: GET is for one origin, POST for another. */
@Path("override")
@Cors(origins = TestOrigins.PAGE)
public class OverrideResource {

  @GET
  public String read() {
    return "read";
  }

  @POST
  @Cors(origins = TestOrigins.OTHER)
  public String write(String body) {
    return "written";
  }
}
