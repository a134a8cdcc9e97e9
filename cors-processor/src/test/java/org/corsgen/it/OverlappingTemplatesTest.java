package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.corsgen.it.overlap.LocatorFirstResource;
import org.corsgen.it.overlap.MixedResource;
import org.corsgen.it.overlap.NewResource;
import org.corsgen.it.overlap.NumberedResource;
import org.corsgen.it.overlap.OrdersResource;
import org.corsgen.it.overlap.OwnOptionsFirstResource;
import org.corsgen.it.overlap.ThingsResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * URLs that two templates match. Jersey serves a request at the first matching path that has its
 * HTTP method, so OPTIONS, which every path has, always lands on the first one, while the actual
 * request may go on to a later one: the preflight must answer for the method where it is served.
 */
class OverlappingTemplatesTest {

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private static JerseyServer server;

  @BeforeAll
  static void start() throws Exception {
    // Auto-discovered, as most applications get CorsFeature.
    server = new JerseyServer(new ResourceConfig(ThingsResource.class, NumberedResource.class,
        NewResource.class, OrdersResource.class, MixedResource.class,
        LocatorFirstResource.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> preflight(String path, String origin, String method,
      String... requestHeaders) throws Exception {
    return requestHeaders.length == 0
        ? server.send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method)
        : server.send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
            "Access-Control-Request-Headers", String.join(",", requestHeaders));
  }

  private static Set<String> allowMethods(HttpResponse<?> response) {
    return Arrays.stream(header(response, "Access-Control-Allow-Methods").orElseThrow()
        .split(",")).map(String::trim).collect(Collectors.toSet());
  }

  @Test
  void methodOfALaterTemplateOfTheSameClassIsPreflightedWhereItIsServed() throws Exception {
    HttpResponse<String> get = preflight("/things/5", APP, "GET", "authorization");
    assertEquals(204, get.statusCode());
    assertEquals(Set.of("GET", "HEAD", "DELETE"), allowMethods(get));
    HttpResponse<String> actual = server.send("GET", "/things/5", "Origin", APP,
        "Authorization", "Bearer t");
    assertEquals(200, actual.statusCode());
    assertEquals(Optional.of(APP), header(actual, "Access-Control-Allow-Origin"));

    HttpResponse<String> deleteWhereTheRegexFails = preflight("/things/abc", APP, "DELETE");
    assertEquals(403, deleteWhereTheRegexFails.statusCode());
    assertNoCorsGrant(deleteWhereTheRegexFails);
  }

  @Test
  void literalRootPathAnswersForTheMethodsATemplateServesThere() throws Exception {
    HttpResponse<String> delete = preflight("/numbered/new", APP, "DELETE");
    assertEquals(204, delete.statusCode());
    assertEquals(Set.of("DELETE"), allowMethods(delete), "GET is NewResource's there");
    HttpResponse<String> actual = server.send("DELETE", "/numbered/new", "Origin", APP);
    assertEquals("deleted new", actual.body());
    assertEquals(Optional.of(APP), header(actual, "Access-Control-Allow-Origin"));

    assertEquals(403, preflight("/numbered/new", APP, "GET").statusCode());
    HttpResponse<String> get = preflight("/numbered/new", ADMIN, "GET");
    assertEquals(204, get.statusCode());
    assertEquals(Set.of("GET", "HEAD"), allowMethods(get));
    assertEquals(204, preflight("/numbered/7", APP, "GET").statusCode());
  }

  /**
   * POST is sent without a preflight once its header names are cached: a header granted to DELETE
   * for 600 s would reach the POST, which has no policy, through the other template.
   */
  @Test
  void headersAreNotCachedWhereALaterTemplateServesASafelistedMethodWithoutPolicy()
      throws Exception {
    HttpResponse<String> delete = preflight("/orders/5", APP, "DELETE", "content-type");
    assertEquals(204, delete.statusCode());
    assertEquals(Optional.of("0"), header(delete, "Access-Control-Max-Age"));
    assertEquals(403, preflight("/orders/5", APP, "POST", "content-type").statusCode());
    HttpResponse<String> post = server.send("POST", "/orders/5", "Origin", APP,
        "Content-Type", "application/json");
    assertEquals("updated 5", post.body());
    assertNoCorsGrant(post);
  }

  @Test
  void firstTemplateWithoutPolicyAnswersForALaterOneThatHasOne() throws Exception {
    HttpResponse<String> put = preflight("/mixed/abc", APP, "PUT");
    assertEquals(204, put.statusCode());
    assertEquals(Set.of("PUT"), allowMethods(put));
    HttpResponse<String> actual = server.send("PUT", "/mixed/abc", "Origin", APP);
    assertEquals(Optional.of(APP), header(actual, "Access-Control-Allow-Origin"));

    HttpResponse<String> get = preflight("/mixed/abc", APP, "GET");
    assertEquals(403, get.statusCode());
    assertNoCorsGrant(get);
    HttpResponse<String> plain = server.send("OPTIONS", "/mixed/abc");
    assertEquals(200, plain.statusCode());
    assertEquals(Set.of("GET", "HEAD", "OPTIONS"),
        Set.of(header(plain, "Allow").orElseThrow().split(",")), "as Jersey answers it");
  }

  @Test
  void anOwnOptionsMethodOnTheFirstPathIsLoggedThoughItHasNoPolicy() throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer own = new JerseyServer(
        new ResourceConfig(OwnOptionsFirstResource.class))) {
      assertEquals("own", own.send("OPTIONS", "/own-options/abc", "Origin", APP,
          "Access-Control-Request-Method", "PUT").body());
      // INFO: which URLs the two paths share is not known at start-up, only that they may.
      assertEquals(List.of(Level.INFO + " corsgen: /own-options/{name: [a-z]+} has its own"
          + " @OPTIONS method, which answers CORS preflights instead of corsgen at URLs it shares"
          + " with /own-options/{id}"), log.records().stream()
          .filter(record -> record.getMessage().contains("@OPTIONS"))
          .map(record -> record.getLevel() + " " + new SimpleFormatter().formatMessage(record))
          .toList());
    }
  }

  @Test
  void templatesAfterAMatchingLocatorAreNotReached() throws Exception {
    assertEquals(405, server.send("PUT", "/located-first/5", "Origin", APP).statusCode());
    HttpResponse<String> put = preflight("/located-first/5", APP, "PUT");
    assertEquals(403, put.statusCode());
    assertNoCorsGrant(put);
    assertEquals(204, preflight("/located-first/5", APP, "GET").statusCode());
    assertEquals(204, preflight("/located-first/x-y", APP, "PUT").statusCode());
  }
}
