package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour the Fetch standard asks of a server, checked over real HTTP against resources
 * compiled with the corsgen processor (this module's test sources).
 */
class CorsOnTheWireTest {

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";
  private static final String EVIL = "https://evil.example";
  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private static JerseyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JerseyServer(new ResourceConfig(ItemsResource.class, ItemsAdminResource.class,
        WidgetsResource.class, OpenResource.class, PlainResource.class, KeysResource.class,
        GadgetsResource.class, ToolsResource.class, PartsResource.class,
        OwnHeadersResource.class, StaticMethodsResource.class, MediaTypesResource.class,
        NegotiatedResource.class, AlikeResource.class, TeapotException.Mapper.class,
        MediaTypesResource.NotAcceptableMapper.class)
        .register(CorsFeature.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Optional<String> header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
  }

  static void assertNoCorsGrant(HttpResponse<?> response) {
    for (String name : response.headers().map().keySet()) {
      assertFalse(name.toLowerCase().startsWith("access-control-allow-"),
          () -> "unexpected " + name + " in " + response.headers().map());
    }
  }

  @Nested
  class Preflight {

    @Test
    void allowedPreflightGets204WithEveryAllowHeader() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "content-type,x-token");
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Set.of("GET", "HEAD", "PUT", "PATCH"),
          methods(header(response, "Access-Control-Allow-Methods").orElseThrow()));
      assertEquals(Optional.of("Content-Type, X-Token"),
          header(response, "Access-Control-Allow-Headers"));
      assertEquals(Optional.of("600"), header(response, "Access-Control-Max-Age"));
      assertEquals(Optional.empty(), header(response, "Access-Control-Allow-Credentials"));
      assertEquals(Optional.of(PREFLIGHT_VARY), header(response, "Vary"));
    }

    @Test
    void allowMethodsListsOnlyMethodsWhosePolicyGrantsTheOrigin() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", ADMIN,
          "Access-Control-Request-Method", "DELETE");
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of("DELETE"), header(response, "Access-Control-Allow-Methods"));
      assertEquals(Optional.of("true"), header(response, "Access-Control-Allow-Credentials"));
      assertEquals(Optional.empty(), header(response, "Access-Control-Max-Age"),
          "maxAge = -1 leaves the header out");
    }

    @Test
    void policiesWrittenAlikeOnTwoMethodsAnswerOnePreflightForBoth() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/alike",
          "Origin", APP, "Access-Control-Request-Method", "PUT");
      assertEquals(204, response.statusCode());
      assertEquals(methods("GET, HEAD, PUT"),
          methods(header(response, "Access-Control-Allow-Methods").orElseThrow()));
      assertEquals(Optional.of("600"), header(response, "Access-Control-Max-Age"));
    }

    @Test
    void preflightReachesAResourceThatInheritsItsPath() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/gadgets/7",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "content-type");
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("PUT"), header(response, "Access-Control-Allow-Methods"));
      assertEquals(Optional.of("Content-Type"), header(response, "Access-Control-Allow-Headers"));
    }

    @Test
    void requestHeadersAreMatchedIgnoringCaseAndSpaces() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", " X-TOKEN ,  Content-Type,,");
      assertEquals(204, response.statusCode());
    }

    @Test
    void subdomainPatternMatchesAnySubdomain() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items",
          "Origin", "https://a.b.example.org",
          "Access-Control-Request-Method", "GET",
          "Access-Control-Request-Headers", "x-token");
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of("https://a.b.example.org"),
          header(response, "Access-Control-Allow-Origin"));
    }

    @Test
    void preflightFromRefusedOriginGets403WithoutAllowHeaders() throws Exception {
      for (String origin : List.of(EVIL, "https://example.org", "https://evilexample.org",
          "https://app.example.com.evil.net", "HTTPS://APP.EXAMPLE.COM", "null")) {
        HttpResponse<String> response = server.send("OPTIONS", "/items/7",
            "Origin", origin,
            "Access-Control-Request-Method", "PUT");
        assertEquals(403, response.statusCode(), origin);
        assertNoCorsGrant(response);
        assertEquals(Optional.of(PREFLIGHT_VARY), header(response, "Vary"));
      }
    }

    @Test
    void methodIsComparedByteExactly() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "put");
      assertEquals(403, response.statusCode());
      assertNoCorsGrant(response);
    }

    @Test
    void methodWithAnotherOriginsPolicyIsRefused() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "DELETE");
      assertEquals(403, response.statusCode());
      assertNoCorsGrant(response);
    }

    @Test
    void headerNotInAllowHeadersIsRefused() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "content-type,x-secret");
      assertEquals(403, response.statusCode());
      assertNoCorsGrant(response);
    }

    @Test
    void classesSharingAPathAnswerForAllTheirMethods() throws Exception {
      HttpResponse<String> post = server.send("OPTIONS", "/items",
          "Origin", ADMIN,
          "Access-Control-Request-Method", "POST");
      assertEquals(204, post.statusCode());
      assertEquals(Optional.of("POST"), header(post, "Access-Control-Allow-Methods"));
      HttpResponse<String> get = server.send("OPTIONS", "/items",
          "Origin", APP,
          "Access-Control-Request-Method", "GET");
      assertEquals(204, get.statusCode());
      assertEquals(Set.of("GET", "HEAD"),
          methods(header(get, "Access-Control-Allow-Methods").orElseThrow()));
    }

    @Test
    void regexTemplateIsHonoured() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/abc",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT");
      assertEquals(404, response.statusCode());
      assertNoCorsGrant(response);
    }

    @Test
    void interfaceDeclaredResourceMethodsGetPolicies() throws Exception {
      HttpResponse<String> get = server.send("OPTIONS", "/widgets/w",
          "Origin", APP,
          "Access-Control-Request-Method", "GET");
      assertEquals(204, get.statusCode());
      HttpResponse<String> put = server.send("OPTIONS", "/widgets/w",
          "Origin", ADMIN,
          "Access-Control-Request-Method", "PUT");
      assertEquals(204, put.statusCode());
      assertEquals(Optional.of("PUT"), header(put, "Access-Control-Allow-Methods"));
    }

    @Test
    void customHttpMethodIsPreflighted() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "PATCH",
          "Access-Control-Request-Headers", "content-type");
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertTrue(methods(header(response, "Access-Control-Allow-Methods").orElseThrow())
          .contains("PATCH"), response.headers().map()::toString);
    }

    /**
     * {@code allowHeaders = "*"} is answered with the names asked for, not {@code *}, which
     * browsers let cover Authorization from their preflight cache (whatwg/fetch#1919).
     */
    @Test
    void wildcardPolicyAnswersStarForOriginsAndTheNamesAskedForForHeaders() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/open",
          "Origin", EVIL,
          "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "x-anything, X-Other ,,x-third,x-other");
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of("*"), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("x-anything,X-Other,x-third"),
          header(response, "Access-Control-Allow-Headers"), "as sent, each once, no longer");
      assertEquals(Optional.of("0"), header(response, "Access-Control-Max-Age"));

      HttpResponse<String> noNames = server.send("OPTIONS", "/open",
          "Origin", EVIL, "Access-Control-Request-Method", "POST");
      assertEquals(204, noNames.statusCode());
      assertEquals(Optional.empty(), header(noNames, "Access-Control-Allow-Headers"));
    }

    @Test
    void wildcardHeadersNeverCoverAuthorization() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/open",
          "Origin", EVIL,
          "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "authorization");
      assertEquals(403, response.statusCode());
    }

    /** A name "*" asked for would be answered as the wildcard, which the cache then keeps. */
    @Test
    void aHeaderNamedStarIsRefused() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/open",
          "Origin", EVIL,
          "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "x-a, *");
      assertEquals(403, response.statusCode());
      assertNoCorsGrant(response);
    }

    @Test
    void malformedPreflightsAreRefusedCleanly() throws Exception {
      String[][] cases = {
          {"Origin", APP, "Origin", ADMIN, "Access-Control-Request-Method", "PUT"},
          {"Origin", "", "Access-Control-Request-Method", "PUT"},
          {"Origin", APP, "Access-Control-Request-Method", ""},
          {"Origin", APP, "Access-Control-Request-Method", "PUT",
              "Access-Control-Request-Headers", "x-token,".repeat(800) + "x-nope"},
      };
      for (String[] headers : cases) {
        HttpResponse<String> response = server.send("OPTIONS", "/items/7", headers);
        assertEquals(403, response.statusCode(), headers[1] + " " + headers[3]);
        assertNoCorsGrant(response);
      }
    }

    @Test
    void headerListsBeyondTheContainersLimitGetAClientError() throws Exception {
      HttpResponse<String> response = server.sendAlone("OPTIONS", "/items/7",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "x-token,".repeat(20_000));
      assertEquals(400, response.statusCode(), "Grizzly refuses header blocks over its limit");
      assertNoCorsGrant(response);
    }

    @Test
    void plainOptionsAnswersAllowAsJerseyWould() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/items/7");
      assertEquals(200, response.statusCode());
      assertEquals(Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"),
          methods(header(response, "Allow").orElseThrow()));
      assertNoCorsGrant(response);
    }

    @Test
    void resourceWithoutCorsKeepsJerseysOptions() throws Exception {
      HttpResponse<String> response = server.send("OPTIONS", "/plain",
          "Origin", APP,
          "Access-Control-Request-Method", "GET");
      assertEquals(200, response.statusCode());
      assertNoCorsGrant(response);
    }
  }

  @Nested
  class ActualRequest {

    @Test
    void allowedOriginGetsAllowOriginExposeAndVary() throws Exception {
      HttpResponse<String> response = server.send("GET", "/items", "Origin", APP);
      assertEquals(200, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("X-Total-Count"), header(response, "Access-Control-Expose-Headers"));
      assertEquals(Optional.empty(), header(response, "Access-Control-Allow-Credentials"));
      assertEquals(Optional.of("Accept-Encoding, Origin"), header(response, "Vary"),
          "an existing Vary is merged, not replaced");
    }

    @Test
    void staticResourceMethodsGetTheirPolicies() throws Exception {
      HttpResponse<String> get = server.send("GET", "/static-methods", "Origin", APP);
      assertEquals("static", get.body());
      assertEquals(Optional.of(APP), header(get, "Access-Control-Allow-Origin"));
      HttpResponse<String> preflight = server.send("OPTIONS", "/static-methods",
          "Origin", ADMIN, "Access-Control-Request-Method", "DELETE");
      assertEquals(204, preflight.statusCode());
      assertEquals(Optional.of(ADMIN), header(preflight, "Access-Control-Allow-Origin"));
    }

    @Test
    void refusedOriginIsServedWithoutCorsHeaders() throws Exception {
      HttpResponse<String> response = server.send("GET", "/items/3", "Origin", EVIL);
      assertEquals(200, response.statusCode());
      assertEquals("item 3", response.body());
      assertNoCorsGrant(response);
      assertEquals(Optional.empty(), header(response, "Access-Control-Expose-Headers"));
      assertEquals(Optional.of("Origin"), header(response, "Vary"));
    }

    @Test
    void requestWithoutOriginStillVariesOnOrigin() throws Exception {
      HttpResponse<String> response = server.send("GET", "/items/3");
      assertEquals(200, response.statusCode());
      assertNoCorsGrant(response);
      assertEquals(Optional.of("Origin"), header(response, "Vary"));
    }

    @Test
    void credentialedPolicyAllowsCredentials() throws Exception {
      HttpResponse<String> response = server.send("DELETE", "/items/3", "Origin", ADMIN);
      assertEquals(204, response.statusCode());
      assertEquals(Optional.of(ADMIN), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("true"), header(response, "Access-Control-Allow-Credentials"));
    }

    @Test
    void methodLevelPolicyReplacesClassPolicy() throws Exception {
      HttpResponse<String> response = server.send("DELETE", "/items/3", "Origin", APP);
      assertNoCorsGrant(response);
    }

    @Test
    void errorResponsesCarryCorsHeaders() throws Exception {
      HttpResponse<String> conflict = server.send("GET", "/items/conflict", "Origin", APP);
      assertEquals(409, conflict.statusCode());
      assertEquals(Optional.of(APP), header(conflict, "Access-Control-Allow-Origin"));
      HttpResponse<String> mapped = server.send("GET", "/items/mapped", "Origin", APP);
      assertEquals(418, mapped.statusCode());
      assertEquals("short and stout", mapped.body());
      assertEquals(Optional.of(APP), header(mapped, "Access-Control-Allow-Origin"));
    }

    @Test
    void repeatedOrEmptyOriginIsRefused() throws Exception {
      HttpResponse<String> twice = server.send("GET", "/items", "Origin", APP, "Origin", ADMIN);
      assertEquals(200, twice.statusCode());
      assertNoCorsGrant(twice);
      HttpResponse<String> empty = server.send("GET", "/items", "Origin", "");
      assertEquals(200, empty.statusCode());
      assertNoCorsGrant(empty);
    }

    @Test
    void wildcardPolicyNeedsNoVary() throws Exception {
      HttpResponse<String> response = server.send("GET", "/open", "Origin", EVIL);
      assertEquals(Optional.of("*"), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("*"), header(response, "Access-Control-Expose-Headers"));
      assertEquals(Optional.empty(), header(response, "Vary"));
    }

    @Test
    void headRequestsShareTheGetPolicy() throws Exception {
      HttpResponse<String> response = server.send("HEAD", "/items/3", "Origin", APP);
      assertEquals(200, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
    }

    @Test
    void methodKeysMatchForArraysNestedGenericInheritedAndTypeAnnotatedParameters()
        throws Exception {
      for (String[] call : new String[][] {
          {"POST", "/keys/bytes"}, {"GET", "/keys/nested?q=1"}, {"GET", "/keys/list?v=a"},
          {"POST", "/keys/generic"}, {"GET", "/keys/positive/5"},
          {"POST", "/keys/annotated-bytes"}}) {
        HttpResponse<String> response = server.send(call[0], call[1], "Origin", APP,
            "Content-Type", "text/plain");
        assertEquals(200, response.statusCode(), call[1]);
        assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"), call[1]);
      }
    }

    @Test
    void resourcesThatInheritTheirPathGetTheirPolicy() throws Exception {
      for (String[] call : new String[][] {
          {"/gadgets", APP, "gadgets"}, {"/tools", APP, "tools from ToolsResource"},
          {"/parts", ADMIN, "parts"}}) {
        HttpResponse<String> response = server.send("GET", call[0], "Origin", call[1]);
        assertEquals(call[2], response.body(), call[0]);
        assertEquals(Optional.of(call[1]), header(response, "Access-Control-Allow-Origin"),
            call[0]);
      }
      HttpResponse<String> refused = server.send("GET", "/parts", "Origin", APP);
      assertNoCorsGrant(refused);
      assertEquals(Optional.of("Origin"), header(refused, "Vary"));
    }

    /** The policy decides, not CORS headers the resource method wrote itself. */
    @Test
    void corsHeadersTheResourceSetItselfGiveWayToThePolicy() throws Exception {
      HttpResponse<String> allowed = server.send("GET", "/own-headers", "Origin", APP);
      assertEquals("own", allowed.body());
      assertEquals(Optional.of(APP), header(allowed, "Access-Control-Allow-Origin"));
      assertEquals(Optional.empty(), header(allowed, "Access-Control-Allow-Credentials"));
      assertEquals(Optional.empty(), header(allowed, "Access-Control-Expose-Headers"));
      HttpResponse<String> refused = server.send("GET", "/own-headers", "Origin", EVIL);
      assertEquals("own", refused.body());
      assertNoCorsGrant(refused);
      assertEquals(Optional.empty(), header(refused, "Access-Control-Expose-Headers"));
      assertEquals(Optional.of("Origin"), header(refused, "Vary"));

      HttpResponse<String> open = server.send("GET", "/own-headers/public", "Origin", EVIL);
      assertEquals(Optional.of("*"), header(open, "Access-Control-Allow-Origin"));
      assertEquals(Optional.empty(), header(open, "Access-Control-Expose-Headers"),
          "what a page may read is the policy's alone, under \"*\" too");
      HttpResponse<String> exposing = server.send("GET", "/own-headers/exposing", "Origin", APP);
      assertEquals(Optional.of("X-Total"), header(exposing, "Access-Control-Expose-Headers"));
    }

    @Test
    void resourceWithoutCorsIsUntouched() throws Exception {
      HttpResponse<String> response = server.send("GET", "/plain", "Origin", APP);
      assertEquals(200, response.statusCode());
      assertNoCorsGrant(response);
      assertEquals(Optional.empty(), header(response, "Vary"));
    }
  }

  /** Jersey rules out every method of the HTTP method by media type, so it chooses none. */
  @Nested
  class MediaTypeRefusal {

    @Test
    void unsupportedMediaTypeCarriesThePolicyOfTheMethodsRuledOut() throws Exception {
      HttpResponse<String> response = server.send("POST", "/media",
          "Origin", APP, "Content-Type", "text/plain");
      assertEquals(415, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("Origin"), header(response, "Vary"));
    }

    @Test
    void notAcceptableCarriesThePolicyAlsoThroughTheApplicationsMapper() throws Exception {
      HttpResponse<String> response = server.send("GET", "/media",
          "Origin", APP, "Accept", "text/csv");
      assertEquals(406, response.statusCode());
      assertEquals("{\"error\":\"not acceptable\"}", response.body());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      HttpResponse<String> head = server.send("HEAD", "/media",
          "Origin", APP, "Accept", "text/csv");
      assertEquals(406, head.statusCode());
      assertEquals(Optional.of(APP), header(head, "Access-Control-Allow-Origin"),
          "HEAD is served by the GET methods");
    }

    @Test
    void refusedOrAbsentOriginGetsNoGrantButVaries() throws Exception {
      HttpResponse<String> refused = server.send("POST", "/media",
          "Origin", EVIL, "Content-Type", "text/plain");
      assertEquals(415, refused.statusCode());
      assertNoCorsGrant(refused);
      assertEquals(Optional.of("Origin"), header(refused, "Vary"));
      HttpResponse<String> none = server.send("POST", "/media", "Content-Type", "text/plain");
      assertEquals(415, none.statusCode());
      assertNoCorsGrant(none);
      assertEquals(Optional.of("Origin"), header(none, "Vary"));
    }

    @Test
    void methodLevelPolicyIsTheOneApplied() throws Exception {
      HttpResponse<String> admin = server.send("PUT", "/media/admin",
          "Origin", ADMIN, "Content-Type", "text/plain");
      assertEquals(415, admin.statusCode());
      assertEquals(Optional.of(ADMIN), header(admin, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("true"), header(admin, "Access-Control-Allow-Credentials"));
      HttpResponse<String> app = server.send("PUT", "/media/admin",
          "Origin", APP, "Content-Type", "text/plain");
      assertEquals(415, app.statusCode());
      assertNoCorsGrant(app);
    }

    @Test
    void noPolicyIsGuessedWhereNoneOrSeveralCouldApply() throws Exception {
      HttpResponse<String> notAllowed = server.send("DELETE", "/media", "Origin", APP);
      assertEquals(405, notAllowed.statusCode());
      assertNoCorsGrant(notAllowed);
      assertEquals(Optional.empty(), header(notAllowed, "Vary"));
      // One of the two GET methods at this path has no policy: Jersey might have chosen it.
      HttpResponse<String> partial = server.send("GET", "/negotiated",
          "Origin", APP, "Accept", "text/html");
      assertEquals(406, partial.statusCode());
      assertNoCorsGrant(partial);
      HttpResponse<String> notFound = server.send("GET", "/media/nothing-here", "Origin", APP);
      assertEquals(404, notFound.statusCode());
      assertNoCorsGrant(notFound);
    }
  }

  static Set<String> methods(String list) {
    Set<String> methods = new TreeSet<>();
    for (String method : list.split(",")) {
      methods.add(method.strip());
    }
    return methods;
  }
}
