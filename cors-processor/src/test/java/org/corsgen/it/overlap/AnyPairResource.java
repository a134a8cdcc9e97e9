package org.corsgen.it.overlap;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Serves PUT at any two segments that no earlier path takes. */
@Path("/{a}/{b}")
public class AnyPairResource {

  @PUT
  @Cors(origins = "https://app.example.com", maxAge = 600)
  public String put(String body) {
    return "put";
  }
}
