package org.corsgen.it.overlap;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Comes first at {@code /my%20items/5}, where DELETE goes on to {@link SpacedItemsResource}. */
@Path("/my%20items/{id}")
@Cors(origins = "https://app.example.com")
public class EncodedItemsResource {

  @PUT
  public String put(String body) {
    return "put";
  }
}
