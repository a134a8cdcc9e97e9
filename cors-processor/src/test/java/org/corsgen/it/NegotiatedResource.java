package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.corsgen.Cors;

/**
 * Two GET methods at one path told apart by media type, only one with a policy: Jersey picks one
 * per request, so the CSV answers carry no CORS headers. The processor warns; the warning is
 * silenced here so that the start-up warning can be checked.
 */
@Path("/negotiated")
public class NegotiatedResource {

  @GET
  @Produces("application/json")
  @Cors(origins = "https://app.example.com")
  public String json() {
    return "{}";
  }

  @GET
  @Produces("text/csv")
  @SuppressWarnings("CorsPartialPolicy")
  public String csv() {
    return "a,b";
  }
}
