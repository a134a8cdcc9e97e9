package org.corsgen.sample;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.corsgen.Cors;

/**
 * A cookie session across origins. The page must opt in with {@code credentials: 'include'}, and
 * the browser hands it the answer only if the server grants credentials to that exact origin:
 * {@code "*"} is refused by browsers for credentialed requests, and corsgen refuses to compile it.
 */
@Path("session")
@Cors(origins = {SampleOrigins.PAGE, SampleOrigins.PAGE_BY_NAME}, allowCredentials = true)
public class SessionResource {

  static final String COOKIE = "corsgen-sample-session";

  @POST
  @Produces(MediaType.TEXT_PLAIN)
  public Response signIn() {
    String session = UUID.randomUUID().toString();
    // The page (127.0.0.1) and the API (localhost) are different sites, so this is a third-party
    // cookie. Browsers that block those (Chromium does by default now) still keep a Partitioned
    // (CHIPS) cookie, stored for the page's site only. SameSite=None lets it travel cross-site and
    // requires Secure, which browsers accept on http://localhost. Written by hand because
    // JAX-RS's NewCookie cannot say Partitioned.
    return Response.ok("signed in as session " + session)
        .header(HttpHeaders.SET_COOKIE, COOKIE + "=" + session
            + "; Path=/; HttpOnly; Secure; SameSite=None; Partitioned")
        .build();
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Response whoAmI(@CookieParam(COOKIE) String session) {
    if (session == null) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .entity("no session cookie came with the request")
          .build();
    }
    return Response.ok("the session cookie came back: " + session).build();
  }
}
