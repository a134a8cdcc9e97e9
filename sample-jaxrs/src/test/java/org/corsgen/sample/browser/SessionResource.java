package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.corsgen.Cors;

/**
 * Cookies set by the API for a page on another site, under a policy that grants credentials,
 * and one resource that does not grant them.
 *
 * <p>The cookies are written by hand because JAX-RS's {@code NewCookie} has no
 * {@code Partitioned} attribute.
 */
@Path("session")
@Cors(origins = TestOrigins.PAGE, allowCredentials = true)
public class SessionResource {

  /** A CHIPS cookie: kept per top-level site, which is what Chromium allows across sites. */
  @POST
  @Path("partitioned")
  public Response signInPartitioned() {
    return Response.ok("signed in")
        .header(HttpHeaders.SET_COOKIE,
            "partitioned=s3cr3t; Path=/; Secure; HttpOnly; SameSite=None; Partitioned")
        .build();
  }

  /** A classic cross-site cookie, which third-party cookie blocking drops. */
  @POST
  @Path("unpartitioned")
  public Response signInUnpartitioned() {
    return Response.ok("signed in")
        .header(HttpHeaders.SET_COOKIE,
            "unpartitioned=s3cr3t; Path=/; Secure; HttpOnly; SameSite=None")
        .build();
  }

  /** The names of the cookies that came with the request. */
  @GET
  public String cookies(@Context HttpHeaders headers) {
    return "cookies: " + new TreeSet<>(headers.getCookies().keySet());
  }

  @GET
  @Path("uncredentialed")
  @Cors(origins = TestOrigins.PAGE)
  public String uncredentialed() {
    return "no credentials granted";
  }
}
