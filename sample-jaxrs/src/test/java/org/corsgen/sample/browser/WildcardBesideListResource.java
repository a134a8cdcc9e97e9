package org.corsgen.sample.browser;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Two policies for one origin at one URL: PUT open to any header, DELETE to X-A alone. An answer
 * under {@code "*"} names only the headers asked for, so it may be cached where DELETE allows
 * them too, and must not be where it does not.
 */
@Path("wildcard-beside-list")
public class WildcardBesideListResource {

  @PUT
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "*", maxAge = 600)
  public String put(String body) {
    return "put";
  }

  @DELETE
  @Cors(origins = TestOrigins.PAGE, allowHeaders = "X-A", maxAge = 600)
  public String delete() {
    return "deleted";
  }
}
