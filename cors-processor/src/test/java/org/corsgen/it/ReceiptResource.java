package org.corsgen.it;

import jakarta.ws.rs.GET;
import org.corsgen.Cors;

/**
 * A sub-resource without locators that is not final: a locator declared to return it may return a
 * subclass with other policies or methods, so a failed locator's preflight is not answered.
 */
@Cors(origins = "https://app.example.com")
public class ReceiptResource {

  @GET
  public String get() {
    return "receipt";
  }
}
