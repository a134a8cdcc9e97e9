package org.corsgen.sample.browser;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/** The page may PUT; only another origin's page may DELETE. {@link LegacyCorsFilter} is here. */
@Path("legacy/{id}")
@Cors(origins = TestOrigins.PAGE)
public class LegacyResource {

  @PUT
  public String put(@PathParam("id") String id) {
    return "stored " + id;
  }

  @DELETE
  @Cors(origins = TestOrigins.OTHER)
  public void delete(@PathParam("id") String id) {}
}
