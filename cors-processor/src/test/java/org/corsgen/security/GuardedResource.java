package org.corsgen.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * The resource the hostile-input, cache and load tests attack: an exact origin, an origin with
 * a port, a subdomain pattern, and a method-level policy with credentials for one other origin.
 * {@link FetchOracle} restates these declarations; keep the two in step.
 */
@Path("/guarded")
@Cors(
    origins = {FetchOracle.EXACT_ORIGIN, FetchOracle.PORT_ORIGIN, FetchOracle.SUBDOMAIN_PATTERN,
        FetchOracle.ANY_PORT_HOST_PATTERN, FetchOracle.ANY_PORT_SUBDOMAIN_PATTERN},
    allowHeaders = {"Content-Type", "X-Token"},
    exposeHeaders = "X-Total-Count",
    maxAge = 600)
public class GuardedResource {

  @GET
  public Response list() {
    return Response.ok("[]").header("X-Total-Count", "0").build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return "item " + id;
  }

  @PUT
  @Path("{id}")
  public String put(@PathParam("id") String id, String body) {
    return "put " + id;
  }

  @PATCH
  @Path("{id}")
  public String patch(@PathParam("id") String id, String body) {
    return "patched " + id;
  }

  @DELETE
  @Path("{id}")
  @Cors(origins = FetchOracle.ADMIN_ORIGIN, allowCredentials = true, maxAge = -1)
  public void delete(@PathParam("id") String id) {}
}
