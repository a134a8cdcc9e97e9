package org.corsgen.it.overlap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/** A root resource whose template also matches {@link NewResource}'s literal path. */
@Path("/numbered/{id}")
@Cors(origins = "https://app.example.com")
public class NumberedResource {

  @GET
  public String get(@PathParam("id") String id) {
    return "numbered " + id;
  }

  @DELETE
  public String delete(@PathParam("id") String id) {
    return "deleted " + id;
  }
}
