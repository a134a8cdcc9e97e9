package org.corsgen.it;

import jakarta.ws.rs.Path;

/**
 * Returns {@link LocatedResource} from a locator declared to return {@code Object}: the class is
 * known only at the first request.
 */
@Path("/opaque")
public class OpaqueLocatorResource {

  @Path("child")
  public Object child() {
    return new LocatedResource();
  }
}
