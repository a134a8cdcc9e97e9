package org.corsgen.sample.browser;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * A sub-resource without {@code @Path}: only {@link LibraryResource}'s locator returns it, and its
 * policy applies there. Final, without locators of its own: where the locator fails, a
 * preflight there can be answered from its policy.
 */
@Cors(origins = TestOrigins.PAGE, methods = "PUT", allowHeaders = "Content-Type",
    exposeHeaders = "X-Loan")
public final class LoanResource {

  private final String id;

  LoanResource(String id) {
    this.id = id;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response renew(String body) {
    return Response.ok("renewed loan " + id).header("X-Loan", id).build();
  }

  @DELETE
  public String end() {
    return "ended loan " + id;
  }
}
