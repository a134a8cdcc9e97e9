package org.corsgen.it;

import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.model.Resource;

/** Returns {@link MountedResource} and others from sub-resource locators. */
@Path("/mounting")
public class MountingResource {

  @Path("child")
  public MountedResource child() {
    return new MountedResource();
  }

  /** Jersey models a returned Resource again at every request: it caches only classes. */
  @Path("modelled")
  public Resource modelled() {
    return Resource.from(MountedResource.class);
  }

  /** Declared as Object: the class it returns is known only at the first request. */
  @Path("partly")
  public Object partly() {
    return new PartlyResolvedResource();
  }
}
