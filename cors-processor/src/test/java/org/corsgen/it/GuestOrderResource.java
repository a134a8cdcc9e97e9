package org.corsgen.it;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * What a locator declared to return a class that is not final returns: another request may get
 * a subclass from it, whose own locators lead elsewhere, so a failure below it answers no
 * preflight even where the failing locator declares a final class.
 */
public class GuestOrderResource {

  @Path("invoice")
  public InvoiceResource invoice(@PathParam("order") String order) {
    throw new NotFoundException("no invoice for a guest");
  }
}
