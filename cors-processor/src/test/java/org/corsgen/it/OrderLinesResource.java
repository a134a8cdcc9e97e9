package org.corsgen.it;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * A sub-resource: no {@code @Path}, served only where {@link OrdersResource}'s locator returns
 * it, with policies of its own.
 */
@Cors(origins = "https://app.example.com", allowHeaders = "Content-Type",
    exposeHeaders = "X-Order")
public class OrderLinesResource {

  private final String order;

  public OrderLinesResource(String order) {
    this.order = order;
  }

  @GET
  public Response list() {
    return Response.ok("lines of " + order).header("X-Order", order).build();
  }

  @PUT
  @Path("{line}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String put(@PathParam("line") String line, String body) {
    return "put " + order + "/" + line;
  }

  @Path("{line}/notes")
  public LineNotesResource notes(@PathParam("line") String line) {
    return new LineNotesResource();
  }

  @DELETE
  @Path("{line}")
  @Cors(origins = "https://admin.example.com")
  public String delete(@PathParam("line") String line) {
    return "deleted " + order + "/" + line;
  }
}
