package org.corsgen.it;

import jakarta.ws.rs.Path;

/**
 * A root resource extending {@link BaseOfBasedResource}, a class without {@code @Path} whose
 * policy it inherits, and whose locator returns the base itself, declared as {@code Object}.
 */
@Path("/based")
public class BasedResource extends BaseOfBasedResource {

  @Path("any")
  public Object any() {
    return new BaseOfBasedResource();
  }
}
