package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;
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

  /**
   * Equal {@code @Cors} on two classes serving one URL are two instances: their methods share one
   * Allow-Methods, so that a browser that asked for one need not ask again for the other, while a
   * policy that answers otherwise keeps its own.
   */
  @Test
  void policiesThatAnswerAlikeShareAllowMethods() {
    CorsPolicy readers = CorsPolicy.builder("readers")
        .allowOrigins(APP).allowHeaders("X-A").maxAge(600).build();
    CorsPolicy writers = CorsPolicy.builder("writers")
        .allowOrigins(APP).allowHeaders("x-a").maxAge(600).build();
    CorsPolicy admin = CorsPolicy.builder("admin")
        .allowOrigins(APP).allowHeaders("X-A").maxAge(60).build();
    PreflightEndpoint endpoint = new PreflightEndpoint("/items",
        Map.of("PUT", writers, "PATCH", readers, "DELETE", admin),
        Set.of("PUT", "PATCH", "DELETE", "OPTIONS"));
    assertEquals("PATCH, PUT", preflight(endpoint, APP, "PUT", "x-a")
        .getHeaderString(CorsHeaders.ALLOW_METHODS));
    assertEquals("PATCH, PUT", preflight(endpoint, APP, "PATCH", null)
        .getHeaderString(CorsHeaders.ALLOW_METHODS));
    assertEquals("DELETE", preflight(endpoint, APP, "DELETE", null)
        .getHeaderString(CorsHeaders.ALLOW_METHODS), "another Max-Age, another answer");
    assertEquals("DELETE from [" + APP + "]; PATCH from [" + APP + "]; PUT from [" + APP + "]",
        endpoint.describe(), "the log says which policy governs which method");

    // A matcher's text only names it: the same text over two matchers is not the same origins.
    CorsPolicy.OriginMatcher app = APP::equals;
    CorsPolicy named = CorsPolicy.builder("named")
        .allowOriginsMatching("partners", app).maxAge(600).build();
    CorsPolicy sameMatcher = CorsPolicy.builder("same matcher")
        .allowOriginsMatching("partners", app).maxAge(600).build();
    CorsPolicy otherMatcher = CorsPolicy.builder("other matcher")
        .allowOriginsMatching("partners", origin -> true).maxAge(600).build();
    PreflightEndpoint matchers = new PreflightEndpoint("/items",
        Map.of("PUT", named, "PATCH", sameMatcher, "DELETE", otherMatcher),
        Set.of("PUT", "PATCH", "DELETE", "OPTIONS"));
    assertEquals("PATCH, PUT", preflight(matchers, APP, "PUT", null)
        .getHeaderString(CorsHeaders.ALLOW_METHODS));
    assertEquals("DELETE", preflight(matchers, ADMIN, "DELETE", null)
        .getHeaderString(CorsHeaders.ALLOW_METHODS));
  }

  /**
   * Under "*" the answer names only the headers asked for, so it is cached where every policy
   * that grants the origin here allows those names too, and not where one lacks a name.
   */
  @Test
  void aWildcardAnswerIsCachedWhereTheOtherPoliciesAllowTheNamesAskedFor() {
    CorsPolicy any = CorsPolicy.builder("any")
        .allowOriginsMatching(APP, APP::equals).allowHeaders("*").maxAge(600).build();
    CorsPolicy listed = CorsPolicy.builder("listed")
        .allowOriginsMatching(APP, APP::equals).allowHeaders("X-A").maxAge(600).build();
    PreflightEndpoint endpoint = new PreflightEndpoint("/items",
        Map.of("PUT", any, "DELETE", listed), Set.of("PUT", "DELETE", "OPTIONS"));
    assertEquals("600", maxAge(endpoint, APP, "PUT", "x-a"));
    assertEquals("600", maxAge(endpoint, APP, "PUT", null));
    assertEquals("0", maxAge(endpoint, APP, "PUT", "X-A, X-B"), "DELETE does not allow X-B");
    assertEquals("600", maxAge(endpoint, APP, "DELETE", "X-A"));

    // Beside "*", "*, Authorization" exceeds it by Authorization alone.
    CorsPolicy withAuthorization = CorsPolicy.builder("with authorization")
        .allowOriginsMatching(APP, APP::equals).allowHeaders("*, Authorization").maxAge(600)
        .build();
    PreflightEndpoint wildcards = new PreflightEndpoint("/items",
        Map.of("PUT", withAuthorization, "DELETE", any), Set.of("PUT", "DELETE", "OPTIONS"));
    assertEquals("600", maxAge(wildcards, APP, "PUT", "X-A, X-B"));
    assertEquals("0", maxAge(wildcards, APP, "PUT", "X-A, Authorization"));

    // A policy that does not grant this origin takes no part.
    CorsPolicy admins = CorsPolicy.builder("admins")
        .allowOriginsMatching(ADMIN, ADMIN::equals).allowHeaders("X-A").maxAge(600).build();
    PreflightEndpoint forAdmins = new PreflightEndpoint("/items",
        Map.of("PUT", any, "DELETE", admins), Set.of("PUT", "DELETE", "OPTIONS"));
    assertEquals("600", maxAge(forAdmins, APP, "PUT", "X-B"));

    // A safelisted method without a policy: only an answer that grants headers is not cached.
    PreflightEndpoint withGet = new PreflightEndpoint("/items", Map.of("PUT", any),
        Set.of("PUT", "GET", "HEAD", "OPTIONS"));
    assertEquals("600", maxAge(withGet, APP, "PUT", null));
    assertEquals("0", maxAge(withGet, APP, "PUT", "X-A"));
  }

  /**
   * The laxest reading browsers give Allow-Methods and Allow-Headers: debug answers are held to
   * it, so that one that some browser would act on is never sent.
   */
  @Test
  void wouldLetThroughReadsTheFieldsAsTheLaxestBrowserDoes() {
    assertFalse(PreflightEndpoint.wouldLetThrough("DELETE", null, "GET, PUT", ""));
    assertTrue(PreflightEndpoint.wouldLetThrough("put", null, "GET, PUT", ""), "case");
    assertTrue(PreflightEndpoint.wouldLetThrough("DELETE", null, "GET,*", ""), "* method");
    assertTrue(PreflightEndpoint.wouldLetThrough("post", null, "PUT", ""), "safelisted");
    assertFalse(PreflightEndpoint.wouldLetThrough("POST", List.of("x-a"), "PUT", ""));
    assertFalse(PreflightEndpoint.wouldLetThrough("PUT", List.of("x-a, x-b"), "PUT", "X-A"));
    assertTrue(PreflightEndpoint.wouldLetThrough("PUT", List.of("x-a", " X-b ,"), "PUT",
        "x-b,X-A"), "every item of every field, split at every comma, any case");
    assertTrue(PreflightEndpoint.wouldLetThrough("PUT", List.of("authorization"), "PUT", "*"),
        "browsers let * cover Authorization, against Fetch");
  }

  /**
   * Safeguards behind the reasons debug mode gives: a designator named "*" puts "*" into
   * Allow-Methods, and a policy built with its names joined by "," alone gets a name corsgen
   * never matches but browsers split. Either answer would let a refused request through, so
   * both get the plain refusal.
   */
  @Test
  void debugModeSendsThePlainRefusalWhereABrowserWouldActOnItsAnswer() {
    CorsPolicy policy = CorsPolicy.builder("test")
        .allowOriginsMatching(APP, APP::equals)
        .allowHeaders("X-A,X-B")
        .build();
    PreflightEndpoint starMethod = new PreflightEndpoint("/items", Map.of("*", policy),
        Set.of("*", "DELETE", "OPTIONS"), true);
    assertEquals(403, preflight(starMethod, APP, "DELETE", null).getStatus());
    PreflightEndpoint joined = new PreflightEndpoint("/items", Map.of("PUT", policy),
        Set.of("PUT", "OPTIONS"), true);
    assertEquals(403, preflight(joined, APP, "PUT", "x-a").getStatus());
    assertEquals(204, preflight(joined, APP, "PUT", "x-c").getStatus(), "x-c is not listed");
    assertEquals(204, preflight(joined, APP, "DELETE", null).getStatus());
  }

  /**
   * A debug answer is a refusal with a 2xx status: like a 403, it keeps no Private Network
   * Access grant an application's filter adds.
   */
  @Test
  void debugAnswerKeepsNoPrivateNetworkGrantOfTheApplications() {
    CorsPolicy policy = CorsPolicy.builder("test")
        .allowOriginsMatching(APP, APP::equals)
        .build();
    PreflightEndpoint endpoint = new PreflightEndpoint("/items", Map.of("PUT", policy),
        Set.of("PUT", "DELETE", "OPTIONS"), true);
    PreflightAnswer debugAnswer = endpoint.preflight(request(APP, "DELETE", null));
    assertEquals(204, debugAnswer.getStatus());
    MultivaluedMap<String, Object> headers =
        OutboundJaxrsResponse.from(debugAnswer, null).getContext().getHeaders();
    headers.add("Access-Control-Allow-Private-Network", "true");
    assertEquals("access-control-allow-private-network",
        PreflightAnswer.fieldNames(debugAnswer.restoreGrants(headers)));
    assertNull(headers.get("Access-Control-Allow-Private-Network"));
    PreflightAnswer allowed = endpoint.preflight(request(APP, "PUT", null));
    MultivaluedMap<String, Object> allowedHeaders =
        OutboundJaxrsResponse.from(allowed, null).getContext().getHeaders();
    allowedHeaders.add("Access-Control-Allow-Private-Network", "true");
    assertEquals(0, allowed.restoreGrants(allowedHeaders), "the README's workaround");
    assertEquals(List.of("true"), allowedHeaders.get("Access-Control-Allow-Private-Network"));
  }

  /**
   * Under "*" the answer names what was asked, each once, never longer than the request; beside
   * "*", Authorization is answered when it is listed and asked for.
   */
  @Test
  void wildcardHeadersAreAnsweredWithTheNamesAskedFor() {
    CorsPolicy policy = CorsPolicy.builder("test")
        .allowOriginsMatching(APP, APP::equals)
        .allowHeaders("*, Authorization")
        .build();
    PreflightEndpoint endpoint = new PreflightEndpoint("/items", Map.of("PUT", policy),
        Set.of("PUT", "OPTIONS"));
    ContainerRequest request = request(APP, "PUT", "authorization,\tX-A , x-a");
    request.header(CorsHeaders.REQUEST_HEADERS, "x-b");
    Response answer = endpoint.preflight(request);
    assertEquals(204, answer.getStatus());
    assertEquals("authorization,X-A,x-b", answer.getHeaderString(CorsHeaders.ALLOW_HEADERS));
    assertNull(preflight(endpoint, APP, "PUT", null).getHeaderString(CorsHeaders.ALLOW_HEADERS));
    assertEquals(403, preflight(endpoint, APP, "PUT", "*").getStatus(), "no header is named *");
  }

  /**
   * A null in the Access-Control-Request-Headers list (an application's pre-matching filter can
   * {@code put} one there; no container parses one) names no header: it is skipped, not a 500,
   * under listed names, under "*" and in debug mode's reading of a refused preflight.
   */
  @Test
  void aNullRequestHeaderValueNamesNoHeader() {
    CorsPolicy listed = CorsPolicy.builder("test")
        .allowOriginsMatching(APP, APP::equals).allowHeaders("X-A").build();
    CorsPolicy any = CorsPolicy.builder("test")
        .allowOriginsMatching(APP, APP::equals).allowHeaders("*").build();
    for (boolean debug : new boolean[] {false, true}) {
      PreflightEndpoint endpoint = new PreflightEndpoint("/items",
          Map.of("PUT", listed, "PATCH", any), Set.of("PUT", "PATCH", "OPTIONS"), debug);
      assertEquals(204, withNullHeader(endpoint, "PUT", "X-A").getStatus());
      assertEquals(204, withNullHeader(endpoint, "PATCH", "X-B").getStatus());
      assertEquals("X-B", withNullHeader(endpoint, "PATCH", "X-B")
          .getHeaderString(CorsHeaders.ALLOW_HEADERS));
      assertEquals(debug ? 204 : 403, withNullHeader(endpoint, "PUT", "X-C").getStatus(),
          "refused for X-C, debug " + debug);
    }
  }

  private static Response withNullHeader(PreflightEndpoint endpoint, String method,
      String requestHeader) {
    ContainerRequest request = request(APP, method, null);
    request.getHeaders().put(CorsHeaders.REQUEST_HEADERS,
        new ArrayList<>(Arrays.asList(requestHeader, null)));
    return endpoint.preflight(request);
  }

  private static ContainerRequest request(String origin, String method, String requestHeaders) {
    URI base = URI.create("http://127.0.0.1/");
    ContainerRequest request = new ContainerRequest(base, base.resolve("items"), "OPTIONS", null,
        new MapPropertiesDelegate(), null);
    request.header(CorsHeaders.ORIGIN, origin);
    request.header(CorsHeaders.REQUEST_METHOD, method);
    if (requestHeaders != null) {
      request.header(CorsHeaders.REQUEST_HEADERS, requestHeaders);
    }
    return request;
  }

  private static Response preflight(PreflightEndpoint endpoint, String origin, String method,
      String requestHeaders) {
    return endpoint.preflight(request(origin, method, requestHeaders));
  }

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private static String maxAge(PreflightEndpoint endpoint, String origin, String method) {
    return maxAge(endpoint, origin, method, null);
  }

  private static String maxAge(PreflightEndpoint endpoint, String origin, String method,
      String requestHeaders) {
    Response answer = preflight(endpoint, origin, method, requestHeaders);
    assertEquals(204, answer.getStatus());
    return answer.getHeaderString(CorsHeaders.MAX_AGE);
  }
}
