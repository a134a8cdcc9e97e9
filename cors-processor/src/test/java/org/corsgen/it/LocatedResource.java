package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * A resource of its own with a policy, here reached only through {@link LocatorResource}'s
 * locator, whose origins placeholder nothing sets.
 */
@Path("/located")
@Cors(origins = "${corsgen.it.located-origins}")
public class LocatedResource {

  @GET
  public String get() {
    return "located";
  }

  @GET
  @Path("boom")
  public String boom() {
    throw new IllegalStateException("boom in located");
  }
}
