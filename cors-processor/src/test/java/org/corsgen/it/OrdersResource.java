package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Returns {@link OrderLinesResource}, a class without {@code @Path}, from a locator. */
@Path("/orders")
public class OrdersResource {

  @GET
  public String list() {
    return "orders";
  }

  @Path("{order}/lines")
  public OrderLinesResource lines(@PathParam("order") String order) {
    return new OrderLinesResource(order);
  }
}
