package org.corsgen.it;

import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.model.Resource;

/** Returns {@link NegotiatedResource} as a Jersey {@code Resource}, modelled at every request. */
@Path("/negotiating")
public class NegotiatingLocatorResource {

  @Path("modelled")
  public Resource modelled() {
    return Resource.from(NegotiatedResource.class);
  }
}
