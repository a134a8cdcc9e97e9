package org.corsgen.it;

import jakarta.ws.rs.Path;

/** Returns {@link MountedResource} from a sub-resource locator. */
@Path("/mounting")
public class MountingResource {

  @Path("child")
  public MountedResource child() {
    return new MountedResource();
  }
}
