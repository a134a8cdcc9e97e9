package org.corsgen.sample.browser;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Mounts {@link ShelfResource}, a root resource, and {@link LoanResource}, a class without
 * {@code @Path}, below its own path through sub-resource locators.
 */
@Path("library")
public class LibraryResource {

  @Path("shelf")
  public ShelfResource shelf() {
    return new ShelfResource();
  }

  /** Looks the loan up: one that does not exist is a 404, for its preflight too. */
  @Path("loans/{id}")
  public LoanResource loan(@PathParam("id") String id) {
    if (id.equals("missing")) {
      throw new NotFoundException("no loan " + id);
    }
    return new LoanResource(id);
  }
}
