package org.corsgen.it;

import jakarta.ws.rs.Path;

/** Returns {@link LocatedResource} from a sub-resource locator. */
@Path("/locator")
public class LocatorResource {

  @Path("child")
  public LocatedResource child() {
    return new LocatedResource();
  }
}
