package org.corsgen.sample.browser;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/** A root resource with a policy that {@link LibraryResource}'s locator also returns. */
@Path("shelf")
@Cors(origins = TestOrigins.PAGE, allowHeaders = "Content-Type")
public class ShelfResource {

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public String put(String body) {
    return "shelved";
  }
}
