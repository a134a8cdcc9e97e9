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

  /** The same lookup, for a class whose every method a request below it could reach is known. */
  @Path("{order}/invoice")
  public InvoiceResource invoice(@PathParam("order") String order) {
    return switch (order) {
      case "missing" -> throw new NotFoundException("no order " + order);
      case "broken" -> throw new IllegalStateException("the order store is down");
      case "null" -> null;
      default -> new InvoiceResource(order);
    };
  }

  /** Returns a class that is not final, whose own locator then fails. */
  @Path("{order}/guest")
  public GuestOrderResource guest(@PathParam("order") String order) {
    return new GuestOrderResource();
  }

  /** A class that is not final. */
  @Path("{order}/receipt")
  public ReceiptResource receipt(@PathParam("order") String order) {
    throw new NotFoundException("no order " + order);
  }

  /** A final class with a locator of its own. */
  @Path("{order}/ledger")
  public LedgerResource ledger(@PathParam("order") String order) {
    throw new NotFoundException("no order " + order);
  }

  /** Declares an interface: what it would have returned is not known when it fails. */
  @Path("opaque/{order}")
  public Runnable opaque(@PathParam("order") String order) {
    throw new NotFoundException("no order " + order);
  }
}
