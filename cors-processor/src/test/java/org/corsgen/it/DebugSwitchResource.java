package org.corsgen.it;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import org.corsgen.runtime.CorsFeature;

/** An administrator's switch for corsgen's debug mode, as an application would write one. */
@Path("/admin/cors-debug")
public class DebugSwitchResource {

  @PUT
  @Path("{on}")
  public String set(@Context Configuration configuration, @PathParam("on") boolean on) {
    boolean was = CorsFeature.setDebug(configuration, on);
    return "was " + was;
  }
}
