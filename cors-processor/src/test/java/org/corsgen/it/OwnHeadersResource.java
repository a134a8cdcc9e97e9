package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * Sets CORS headers of its own, as code written before corsgen often does, under a policy that
 * allows neither every origin nor credentials nor any exposed header, and under policies that
 * allow every origin or expose another header.
 */
@Path("/own-headers")
@Cors(origins = "https://app.example.com")
public class OwnHeadersResource {

  @GET
  public Response get() {
    return Response.ok("own")
        .header("Access-Control-Allow-Origin", "*")
        .header("access-control-allow-credentials", "true")
        .header("Access-Control-Expose-Headers", "X-Secret")
        .header("X-Secret", "42")
        .build();
  }

  /** A public answer: "*" and no exposed header. */
  @GET
  @Path("public")
  @Cors(origins = "*")
  public Response open() {
    return Response.ok("own").header("Access-Control-Expose-Headers", "X-Secret").build();
  }

  @GET
  @Path("exposing")
  @Cors(origins = "https://app.example.com", exposeHeaders = "X-Total")
  public Response exposing() {
    return Response.ok("own").header("Access-Control-Expose-Headers", "X-Secret").build();
  }
}
