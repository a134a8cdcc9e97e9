package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * A final sub-resource with a locator of its own, whose class's policies a failed outer
 * locator's preflight could not know: the preflight is not answered.
 */
@Cors(origins = "https://app.example.com")
public final class LedgerResource {

  @GET
  public String get() {
    return "ledger";
  }

  @Path("receipt")
  public ReceiptResource receipt() {
    return new ReceiptResource();
  }
}
