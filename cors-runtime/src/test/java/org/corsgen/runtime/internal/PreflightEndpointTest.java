package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;

class PreflightEndpointTest {

  @Test
  void plainOptionsAnswerVariesOnThePreflightHeaders() {
    CorsPolicy policy = CorsPolicy.builder("test")
        .allowOriginsMatching("https://app.example.com", "https://app.example.com"::equals)
        .build();
    PreflightEndpoint endpoint = new PreflightEndpoint("/items", Map.of("PUT", policy),
        Set.of("PUT", "OPTIONS"));
    URI base = URI.create("http://localhost/");
    ContainerRequest request = new ContainerRequest(base, base.resolve("items"), "OPTIONS", null,
        new MapPropertiesDelegate(), null);
    Response plain = endpoint.apply(request);
    assertEquals(200, plain.getStatus());
    // PreflightAnswerGuard keeps an application's own CORS filter off it, as off a preflight's.
    assertSame(plain, request.getProperty(PreflightAnswerGuard.ANSWER));
    assertEquals(Set.of("PUT", "OPTIONS"), plain.getAllowedMethods());
    // A preflight to the same URL gets another answer: a shared cache that stored this one
    // without Vary would serve it to browsers' preflights, and every one of them would fail.
    assertEquals(CorsHeaders.PREFLIGHT_VARY, plain.getHeaderString(CorsHeaders.VARY));
    assertNull(plain.getHeaderString(CorsHeaders.ALLOW_ORIGIN));
  }

  /**
   * Browsers cache the header names of a preflight per origin and URL and then send a safelisted
   * method (GET, HEAD, POST) with them without asking. Where such a method has no policy, or one
   * that does not grant the origin, a header granted to PUT must not be cached, or it would reach
   * that method, whose own preflight would have been refused.
   */
  @Test
  void headersAreNotCachedWhereASafelistedMethodWouldNotGrantThem() {
    CorsPolicy put = CorsPolicy.builder("put")
        .allowOriginsMatching(APP, APP::equals)
        .allowHeaders("X-Csrf")
        .maxAge(600)
        .build();
    CorsPolicy admin = CorsPolicy.builder("admin")
        .allowOriginsMatching(ADMIN, ADMIN::equals)
        .maxAge(600)
        .build();

    PreflightEndpoint postForAnotherOrigin = new PreflightEndpoint("/items",
        Map.of("PUT", put, "POST", admin), Set.of("PUT", "POST", "OPTIONS"));
    assertEquals("0", maxAge(postForAnotherOrigin, APP, "PUT"));
    assertEquals("600", maxAge(postForAnotherOrigin, ADMIN, "POST"), "admin gets no headers");

    PreflightEndpoint getWithoutPolicy = new PreflightEndpoint("/items", Map.of("PUT", put),
        Set.of("PUT", "GET", "HEAD", "OPTIONS"));
    assertEquals("0", maxAge(getWithoutPolicy, APP, "PUT"));

    PreflightEndpoint deleteWithoutPolicy = new PreflightEndpoint("/items", Map.of("PUT", put),
        Set.of("PUT", "DELETE", "OPTIONS"));
    assertEquals("600", maxAge(deleteWithoutPolicy, APP, "PUT"),
        "DELETE is preflighted anyway, and Allow-Methods does not list it");

    PreflightEndpoint getUnderTheSamePolicy = new PreflightEndpoint("/items",
        Map.of("PUT", put, "GET", put, "HEAD", put), Set.of("PUT", "GET", "HEAD", "OPTIONS"));
    assertEquals("600", maxAge(getUnderTheSamePolicy, APP, "PUT"));
  }

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private static String maxAge(PreflightEndpoint endpoint, String origin, String method) {
    URI base = URI.create("http://127.0.0.1/");
    ContainerRequest request = new ContainerRequest(base, base.resolve("items"), "OPTIONS", null,
        new MapPropertiesDelegate(), null);
    request.header(CorsHeaders.ORIGIN, origin);
    request.header(CorsHeaders.REQUEST_METHOD, method);
    Response answer = endpoint.preflight(request);
    assertEquals(204, answer.getStatus());
    return answer.getHeaderString(CorsHeaders.MAX_AGE);
  }
}
