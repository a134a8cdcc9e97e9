package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** {@code @Path} and {@code @Cors} on an abstract class; {@link ToolsResource} is served. */
@Path("/tools")
@Cors(origins = "https://app.example.com")
public abstract class ToolsBase {

  @GET
  public String get() {
    return "tools from " + getClass().getSimpleName();
  }
}
