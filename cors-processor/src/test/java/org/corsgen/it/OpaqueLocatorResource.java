package org.corsgen.it;

import jakarta.ws.rs.Path;

/**
 * Returns {@link LocatedResource} and {@link OrderLinesResource} from locators declared to return
 * {@code Object}: the classes are known only at the first request.
 */
@Path("/opaque")
public class OpaqueLocatorResource {

  @Path("child")
  public Object child() {
    return new LocatedResource();
  }

  @Path("lines")
  public Object lines() {
    return new OrderLinesResource("opaque");
  }
}
