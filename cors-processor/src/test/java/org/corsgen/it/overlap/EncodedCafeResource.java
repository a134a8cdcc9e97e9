package org.corsgen.it.overlap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/** Written encoded; {@link RawCafeResource} writes the same literal raw. */
@Path("/caf%C3%A9/{id}")
@Cors(origins = "https://app.example.com")
public class EncodedCafeResource {

  @GET
  public String get(@PathParam("id") String id) {
    return "cafe " + id;
  }
}
