package org.corsgen.it.overlap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/** At {@code /orders/5}, DELETE has a policy and POST, from another template, has none. */
@Path("/orders")
public class OrdersResource {

  @DELETE
  @Path("{id: \\d+}")
  @Cors(origins = "https://app.example.com", allowHeaders = "Content-Type", maxAge = 600)
  public String delete(@PathParam("id") long id) {
    return "deleted " + id;
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String update(@PathParam("id") String id, String body) {
    return "updated " + id;
  }
}
