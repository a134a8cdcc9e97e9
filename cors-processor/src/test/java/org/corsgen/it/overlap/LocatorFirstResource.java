package org.corsgen.it.overlap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * A sub-resource locator between two templates that match {@code /located-first/5}: Jersey stops
 * at the locator and answers PUT there with 405, never reaching {@code {rest}}.
 */
@Path("/located-first")
public class LocatorFirstResource {

  @GET
  @Path("{id: \\d+}")
  @Cors(origins = "https://app.example.com")
  public String get(@PathParam("id") long id) {
    return "number " + id;
  }

  @Path("{any: [0-9a-z]+}")
  public Located locate() {
    return new Located();
  }

  @PUT
  @Path("{rest}")
  @Cors(origins = "https://app.example.com")
  public String put(@PathParam("rest") String rest, String body) {
    return "put " + rest;
  }

  /** What the locator returns. */
  public static class Located {
    @GET
    public String get() {
      return "located";
    }
  }
}
