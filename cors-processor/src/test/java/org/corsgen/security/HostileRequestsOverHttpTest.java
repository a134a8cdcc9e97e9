package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves over real HTTP (Grizzly, its header limit raised so that nothing is refused before
 * corsgen sees it) that hostile and malformed CORS requests get the refusal or grant the Fetch
 * standard implies ({@link FetchOracle}), never a 5xx, never an exception in the log, and an
 * answer in bounded time even for a 1 MiB header or 10,000 names.
 */
class HostileRequestsOverHttpTest {

  private static final String ITEM = "/guarded/7";

  private static CorsServer server;
  private LogCapture log;

  @BeforeAll
  static void start() throws IOException {
    server = new CorsServer(new ResourceConfig(GuardedResource.class, PublicResource.class)
        .register(CorsFeature.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void captureLog() {
    log = new LogCapture();
  }

  @AfterEach
  void nothingWasLoggedWithAnException() {
    log.close();
    log.assertNoException();
  }

  /**
   * Sends an OPTIONS request to {@code /guarded/7} and checks the answer: without an {@code
   * Origin} or an {@code Access-Control-Request-Method} field it is no preflight and gets the
   * plain {@code Allow} answer; otherwise the answer {@link FetchOracle} gives.
   */
  private static CorsServer.Response preflight(List<String> origins, List<String> methods,
      List<String> requestHeaders, long limitMillis) throws IOException {
    List<String[]> headers = new ArrayList<>();
    origins.forEach(value -> headers.add(new String[] {"Origin", value}));
    methods.forEach(value -> headers.add(new String[] {"Access-Control-Request-Method", value}));
    requestHeaders.forEach(value -> headers.add(
        new String[] {"Access-Control-Request-Headers", value}));
    long start = System.nanoTime();
    CorsServer.Response response = server.send("OPTIONS", ITEM, headers);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < limitMillis, () -> "took " + millis + " ms, limit " + limitMillis);
    if (origins.isEmpty() || methods.isEmpty()) {
      assertPlainOptionsAnswer(response);
    } else {
      assertAnswer(FetchOracle.guardedItemPreflight(origins, methods, requestHeaders), response);
    }
    return response;
  }

  /**
   * The answer to an OPTIONS request that is no preflight: {@code Allow}, nothing granted, and
   * the preflight {@code Vary}, since a preflight to the same URL gets another answer.
   */
  static void assertPlainOptionsAnswer(CorsServer.Response response) {
    assertEquals(200, response.status(), "status");
    assertEquals(FetchOracle.methodSet("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"),
        FetchOracle.methodSet(response.header("Allow").orElse(null)));
    assertFalse(response.grantsAnything(), () -> "no preflight, nothing granted: " + response);
    assertEquals(Optional.of(FetchOracle.PREFLIGHT_VARY), response.header("Vary"));
  }

  private static CorsServer.Response preflight(String origin, String method, String... lists)
      throws IOException {
    return preflight(List.of(origin), List.of(method), List.of(lists), 5_000);
  }

  static void assertAnswer(FetchOracle.Preflight expected, CorsServer.Response response) {
    assertEquals(expected.granted() ? 204 : 403, response.status(), "status");
    assertEquals(Optional.of(FetchOracle.PREFLIGHT_VARY), response.header("Vary"));
    if (!expected.granted()) {
      assertFalse(response.grantsAnything(), () -> "a refusal grants nothing: " + response);
      return;
    }
    assertEquals(Optional.of(expected.allowOrigin()),
        response.header("Access-Control-Allow-Origin"));
    assertEquals(expected.allowMethods(),
        FetchOracle.methodSet(response.header("Access-Control-Allow-Methods").orElse(null)));
    assertEquals(expected.allowHeaders(), response.header("Access-Control-Allow-Headers"));
    assertEquals(expected.credentials() ? Optional.of("true") : Optional.empty(),
        response.header("Access-Control-Allow-Credentials"));
    assertEquals(expected.maxAge(), response.header("Access-Control-Max-Age"));
  }

  @Test
  void hostileOriginsGetTheVerdictFetchImpliesInPreflights() throws IOException {
    for (String origin : List.of(
        FetchOracle.EXACT_ORIGIN, FetchOracle.PORT_ORIGIN, "https://a.b.example.com",
        "https://xn--bcher-kva.example.com",
        "HTTPS://APP.EXAMPLE.NET", "https://app.example.net/", "https://app.example.net/path",
        "https://user:pass@app.example.net", "https://app.example.net:443", "http://localhost:80",
        "http://localhost", "null", "https://b\u00fccher.example.com",
        "https://app.example.net.evil.net", "https://evilexample.com", "https://example.com",
        "https://evil.net, " + FetchOracle.EXACT_ORIGIN,
        "https://" + "a".repeat(64 * 1024) + ".example.com",
        FetchOracle.EXACT_ORIGIN + "/".repeat(64 * 1024))) {
      preflight(origin, "PUT", "content-type");
    }
    assertTrue(log.corsgenRefusals() > 0, "the refusals, hostile values and all, were logged");
  }

  @Test
  void severalOriginFieldsAreRefused() throws IOException {
    preflight(List.of(FetchOracle.EXACT_ORIGIN, FetchOracle.EXACT_ORIGIN), List.of("PUT"),
        List.of(), 5_000);
    preflight(List.of(FetchOracle.EXACT_ORIGIN, "https://evil.net"), List.of("PUT"), List.of(),
        5_000);
    CorsServer.Response actual = server.send("GET", ITEM,
        "Origin", FetchOracle.EXACT_ORIGIN, "Origin", "https://evil.net");
    assertEquals(200, actual.status());
    assertFalse(actual.grantsAnything());
  }

  @Test
  void requestMethodIsComparedByteForByte() throws IOException {
    for (String method : List.of("put", "Put", "patch", "PUT,GET", "FROB", "CONNECT", "TRACE",
        "OPTIONS", "POST", "")) {
      assertEquals(403, preflight(FetchOracle.EXACT_ORIGIN, method).status(), method);
    }
    assertEquals(200, preflight(List.of(FetchOracle.EXACT_ORIGIN), List.of(), List.of(), 5_000)
        .status(), "without a method it is a plain OPTIONS request");
    assertEquals(204, preflight(FetchOracle.EXACT_ORIGIN, "PATCH").status());
  }

  @Test
  void requestHeaderListsInAnyCaseWithSpacesDuplicatesAndEmptyItemsAreGranted()
      throws IOException {
    for (String list : List.of("content-type,x-token", "X-TOKEN", "x-Token, CONTENT-type",
        " x-token ,\tcontent-type\t", "x-token,x-token,x-token", ",,x-token,,", "", " , ")) {
      assertEquals(204, preflight(FetchOracle.EXACT_ORIGIN, "PUT", list).status(), list);
    }
    assertEquals(204, preflight(FetchOracle.EXACT_ORIGIN, "PUT", "x-token", "content-type")
        .status(), "two fields");
    for (String list : List.of("x-token,authorization", "x-tokens", "x-token;content-type",
        "x_token", "x-to\u00e4en")) {
      assertEquals(403, preflight(FetchOracle.EXACT_ORIGIN, "PUT", list).status(), list);
    }
  }

  @Test
  void wildcardHeadersNeverCoverAuthorizationInAnyCase() throws IOException {
    for (String list : List.of("x-a,Authorization", "AUTHORIZATION", " authorization ")) {
      CorsServer.Response response = server.send("OPTIONS", "/public",
          "Origin", "https://anyone.test", "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", list);
      assertEquals(403, response.status(), list);
      assertFalse(FetchOracle.publicPreflightGranted(list));
    }
  }

  @Test
  void tenThousandRequestHeaderNamesReachCorsgenAndAreAnsweredInBoundedTime()
      throws IOException {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      names.append(i % 3 == 0 ? "X-Token" : "content-type").append(i < 9_999 ? ", " : "");
    }
    assertEquals(204, preflight(List.of(FetchOracle.EXACT_ORIGIN), List.of("PUT"),
        List.of(names.toString()), 5_000).status());
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      distinct.append("x-name-").append(i).append(',');
    }
    assertEquals(403, preflight(List.of(FetchOracle.EXACT_ORIGIN), List.of("PUT"),
        List.of(distinct.toString()), 5_000).status());
  }

  @Test
  void oneMebibyteRequestHeaderValueReachesCorsgenAndIsAnsweredInBoundedTime()
      throws IOException {
    String granted = "x-token,".repeat(1024 * 1024 / 8);
    assertEquals(204, preflight(List.of(FetchOracle.EXACT_ORIGIN), List.of("PUT"),
        List.of(granted), 5_000).status());
    assertEquals(403, preflight(List.of(FetchOracle.EXACT_ORIGIN), List.of("PUT"),
        List.of(granted + "x-secret"), 5_000).status());
    assertEquals(403, preflight(List.of(FetchOracle.EXACT_ORIGIN), List.of("PUT"),
        List.of("x".repeat(1024 * 1024)), 5_000).status());
  }

  @Test
  void actualRequestsGetAllowOriginOnlyWhenGrantedAndAlwaysVaryOnOrigin() throws IOException {
    Trials.forAll(Trials.httpTries(),
        random -> HostileInputs.fields(random, () -> HostileInputs.origin(random, true)),
        origins -> {
          List<String[]> headers = new ArrayList<>();
          origins.forEach(value -> headers.add(new String[] {"Origin", value}));
          CorsServer.Response response = send("GET", "/guarded", headers);
          assertEquals(200, response.status());
          assertEquals(FetchOracle.guardedAllowOrigin(origins),
              response.header("Access-Control-Allow-Origin"));
          assertEquals(Optional.of("Origin"), response.header("Vary"));
          assertEquals(FetchOracle.guardedAllowOrigin(origins).map(origin -> "X-Total-Count"),
              response.header("Access-Control-Expose-Headers"));
          assertEquals(Optional.empty(), response.header("Access-Control-Allow-Credentials"));
        });
  }

  @Test
  void preflightsAgreeWithTheFetchOracleOnHostileRequests() {
    Trials.forAll(Trials.httpTries(), HostileRequestsOverHttpTest::generatePreflight,
        request -> {
          try {
            preflight(request.get(0), request.get(1), request.get(2), 5_000);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  /** Origins, methods and request-header lists, each a list of the fields sent. */
  private static List<List<String>> generatePreflight(SplittableRandom random) {
    return List.of(
        HostileInputs.fields(random, () -> HostileInputs.origin(random, true)),
        HostileInputs.fields(random, () -> HostileInputs.method(random, true)),
        HostileInputs.fields(random, () -> HostileInputs.headerList(random, true)));
  }

  private static CorsServer.Response send(String method, String path, List<String[]> headers) {
    try {
      return server.send(method, path, headers);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
