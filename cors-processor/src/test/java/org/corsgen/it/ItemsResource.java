package org.corsgen.it;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

@Path("/items")
@Cors(
    origins = {"https://app.example.com", "https://*.example.org"},
    allowHeaders = {"Content-Type", "X-Token"},
    exposeHeaders = "X-Total-Count",
    maxAge = 600)
public class ItemsResource {

  @GET
  public Response list() {
    return Response.ok("[]").header("X-Total-Count", "0").header("Vary", "Accept-Encoding").build();
  }

  @GET
  @Path("{id: \\d+}")
  public String get(@PathParam("id") long id) {
    return "item " + id;
  }

  @PUT
  @Path("{id: \\d+}")
  public String put(@PathParam("id") long id, String body) {
    return "put " + id;
  }

  @PATCH
  @Path("{id: \\d+}")
  public String patch(@PathParam("id") long id, String body) {
    return "patched " + id;
  }

  /** Only the admin console may delete. */
  @DELETE
  @Path("{id: \\d+}")
  @Cors(origins = "https://admin.example.com", allowCredentials = true, maxAge = -1)
  public void delete(@PathParam("id") long id) {}

  @GET
  @Path("conflict")
  public String conflict() {
    throw new WebApplicationException("already there", 409);
  }

  @GET
  @Path("mapped")
  public String mapped() {
    throw new TeapotException();
  }

  @GET
  @Path("boom")
  public String boom() {
    throw new IllegalStateException("unmapped");
  }
}
