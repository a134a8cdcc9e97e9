package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.corsgen.Cors;
import org.glassfish.jersey.server.model.ExtendedResource;

/**
 * An application's own OPTIONS method that Jersey marks extended, beside a CORS method of the
 * same class: it is the application's, not one a model processor added.
 */
@Path("/extended-options")
public class ExtendedOptionsResource {

  @OPTIONS
  @ExtendedResource
  @Produces("text/plain")
  public String options() {
    return "mine";
  }

  @GET
  @Path("other")
  @Cors(origins = "https://app.example.com")
  public String other() {
    return "other";
  }
}
