package org.corsgen.sample.browser;

import jakarta.ws.rs.Path;

/** Mounts {@link ShelfResource} below its own path through a sub-resource locator. */
@Path("library")
public class LibraryResource {

  @Path("shelf")
  public ShelfResource shelf() {
    return new ShelfResource();
  }
}
