package org.corsgen.it.overlap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Written with a raw space; {@link EncodedItemsResource} writes {@code %20}. */
@Path("/my items/{id: \\d+}")
@Cors(origins = "https://app.example.com")
public class SpacedItemsResource {

  @DELETE
  public String delete() {
    return "deleted";
  }
}
