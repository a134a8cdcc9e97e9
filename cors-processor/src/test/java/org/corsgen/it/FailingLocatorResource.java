package org.corsgen.it;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A locator that looks its order up and fails for some: it throws a {@code 404}, throws an
 * exception no mapper handles, or returns {@code null}, which Jersey answers with a {@code 404}.
 */
@Path("/failing")
public class FailingLocatorResource {

  @Path("{order}/lines")
  public OrderLinesResource lines(@PathParam("order") String order) {
    return switch (order) {
      case "missing" -> throw new NotFoundException("no order " + order);
      case "broken" -> throw new IllegalStateException("the order store is down");
      case "null" -> null;
      default -> new OrderLinesResource(order);
    };
  }

  /** Declares an interface: what it would have returned is not known when it fails. */
  @Path("opaque/{order}")
  public Runnable opaque(@PathParam("order") String order) {
    throw new NotFoundException("no order " + order);
  }
}
