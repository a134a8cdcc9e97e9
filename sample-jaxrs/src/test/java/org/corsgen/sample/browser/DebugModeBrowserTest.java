package org.corsgen.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.sample.PageServer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Debug mode as a developer meets it: the same refused preflights against the same policy
 * ({@link DevServerResource}: GET and PUT, Content-Type, credentials, from {@code
 * http://localhost:*}), once without debug mode and once with it, and what Chromium's console
 * says about each. Both fail, and neither sends the request; only with debug mode does the
 * console name the method or header at fault. Every server is on a port chosen at start-up.
 */
@ExtendWith(Chromium.SkipWhenMissing.class)
class DebugModeBrowserTest {

  private static Chromium chromium;
  private static PageServer pages;
  private static final RequestLog log = new RequestLog();
  private static HttpServer plain;
  private static HttpServer debug;

  private WebDriver driver;
  private String tag;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    pages = PageServer.start("127.0.0.1", 0, "/org/corsgen/sample/browser/pages/");
    plain = api(false);
    debug = api(true);
  }

  private static HttpServer api(boolean debugMode) {
    return GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig(DevServerResource.class, DevAnyHeaderResource.class, CorsFeature.class)
            .property(CorsFeature.DEBUG, debugMode)
            .register(log));
  }

  private static String origin(HttpServer server) {
    return "http://127.0.0.1:" + server.getListener("grizzly").getPort();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closing : new AutoCloseable[] {
        plain == null ? null : plain::shutdownNow,
        debug == null ? null : debug::shutdownNow,
        pages, chromium}) {
      try {
        if (closing != null) {
          closing.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeEach
  void openPage(TestInfo test) {
    driver = chromium.driver();
    tag = test.getTestMethod().orElseThrow().getName();
    driver.get("http://localhost:" + pages.port() + "/");
    chromium.console();
  }

  private Fetched fetch(HttpServer api, String method, Map<String, Object> init) {
    return fetch(api, method, "/dev", init);
  }

  private Fetched fetch(HttpServer api, String method, String path, Map<String, Object> init) {
    Map<String, Object> request = new HashMap<>(init);
    request.put("method", method);
    return Fetched.in(driver, origin(api) + path + "?" + RequestLog.TAG + "=" + tag, request, 1)
        .get(0);
  }

  /** The one CORS error the console shows for the last fetch. */
  private String corsError() {
    List<String> errors = chromium.console().stream()
        .filter(message -> message.contains("blocked by CORS policy"))
        .toList();
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }

  @Test
  void methodOutsideThePolicyIsNamedInTheConsoleOnlyInDebugMode() {
    Fetched refused = fetch(plain, "DELETE", Map.of());
    assertTrue(refused.blocked(), refused.toString());
    String plainError = corsError();
    assertTrue(plainError.contains(
        "No 'Access-Control-Allow-Origin' header is present on the requested resource"),
        plainError);

    Fetched debugged = fetch(debug, "DELETE", Map.of());
    assertTrue(debugged.blocked(), debugged.toString());
    String debugError = corsError();
    assertTrue(debugError.contains(
        "Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response"),
        debugError);

    assertEquals(List.of("OPTIONS /dev 403", "OPTIONS /dev 204"), log.requestsTagged(tag),
        "the request itself is sent in neither case");
  }

  @Test
  void headerOutsideThePolicyIsNamedInTheConsoleOnlyInDebugMode() {
    Map<String, Object> withTrace = Map.of("credentials", "include", "body", "{}",
        "headers", Map.of("Content-Type", "application/json", "X-Trace", "abc"));

    Fetched refused = fetch(plain, "PUT", withTrace);
    assertTrue(refused.blocked(), refused.toString());
    assertTrue(corsError().contains("No 'Access-Control-Allow-Origin' header is present"));

    Fetched debugged = fetch(debug, "PUT", withTrace);
    assertTrue(debugged.blocked(), debugged.toString());
    String debugError = corsError();
    assertTrue(debugError.contains("Request header field x-trace is not allowed by"
        + " Access-Control-Allow-Headers in preflight response"), debugError);

    assertEquals(List.of("OPTIONS /dev 403", "OPTIONS /dev 204"), log.requestsTagged(tag),
        "the request itself is sent in neither case");
  }

  /**
   * Chromium lets {@code Access-Control-Allow-Headers: *} cover Authorization, against Fetch
   * (whatwg/fetch#1919): a debug answer with the policy's {@code *} would let the request through.
   * Under {@code allowHeaders = "*"} a refused header therefore keeps the plain refusal.
   */
  @Test
  void authorizationUnderWildcardHeadersIsRefusedPlainlyInDebugMode() {
    Fetched refused = fetch(debug, "PUT", "/dev-any-header", Map.of("body", "x",
        "headers", Map.of("Authorization", "Bearer t0ken")));

    assertTrue(refused.blocked(), refused.toString());
    assertEquals(List.of("OPTIONS /dev-any-header 403"), log.requestsTagged(tag));
  }

  /** What the policy allows is answered alike with and without debug mode. */
  @Test
  void allowedRequestsAreServedAsWithoutDebugMode() {
    Map<String, Object> json = Map.of("credentials", "include", "body", "\"x\"",
        "headers", Map.of("Content-Type", "application/json"));
    for (HttpServer api : List.of(plain, debug)) {
      assertEquals("stored \"x\"", fetch(api, "PUT", json).body());
    }
    assertEquals(List.of("OPTIONS /dev 204", "PUT /dev 200", "OPTIONS /dev 204", "PUT /dev 200"),
        log.requestsTagged(tag));
  }
}
