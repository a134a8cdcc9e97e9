package org.corsgen.it;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/**
 * A sub-resource that is final and has no locators of its own: where the locator that returns it
 * fails, the methods a request there could reach are all known, so a preflight is answered.
 */
@Cors(origins = "https://app.example.com", allowHeaders = "Content-Type",
    exposeHeaders = "X-Order")
public final class InvoiceResource {

  private final String order;

  public InvoiceResource(String order) {
    this.order = order;
  }

  @GET
  public String get() {
    return "invoice of " + order;
  }

  @PUT
  @Path("{line}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String put(@PathParam("line") String line, String body) {
    return "put " + order + "/" + line;
  }

  @DELETE
  @Path("{line}")
  @Cors(origins = "https://admin.example.com")
  public String delete(@PathParam("line") String line) {
    return "deleted " + order + "/" + line;
  }
}
