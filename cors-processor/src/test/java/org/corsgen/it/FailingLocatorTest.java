package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.logging.SimpleFormatter;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sub-resource locator that fails itself chooses no resource method, so no method's filter
 * runs; the error still carries the policy that the class it returns has for the request's HTTP
 * method throughout, so the page can read the status.
 */
class FailingLocatorTest {

  private static final String APP = "https://app.example.com";

  private static JerseyServer server() throws Exception {
    return new JerseyServer(new ResourceConfig(FailingLocatorResource.class)
        .register(CorsFeature.class));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "GET,    /failing/missing/lines,   404",
      "HEAD,   /failing/missing/lines,   404",
      "GET,    /failing/broken/lines,    500",
      "GET,    /failing/null/lines,      404",
      "PUT,    /failing/missing/lines/7, 404"})
  void anErrorOfTheLocatorCarriesTheReturnedClassesPolicy(String method, String path, int status)
      throws Exception {
    try (JerseyServer server = server()) {
      HttpResponse<String> response = server.send(method, path, "Origin", APP);
      assertEquals(status, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("X-Order"), header(response, "Access-Control-Expose-Headers"));
      assertEquals(Optional.of("Origin"), header(response, "Vary"));
    }
  }

  @Test
  void aRefusedOriginGetsNoGrant() throws Exception {
    try (JerseyServer server = server()) {
      HttpResponse<String> response =
          server.send("GET", "/failing/missing/lines", "Origin", "https://evil.example.com");
      assertEquals(404, response.statusCode());
      assertNoCorsGrant(response);
      assertEquals(Optional.of("Origin"), header(response, "Vary"));
    }
  }

  /** DELETE has a policy of its own there, for another origin: that one applies. */
  @Test
  void theHttpMethodsOwnPolicyApplies() throws Exception {
    try (JerseyServer server = server()) {
      HttpResponse<String> app = server.send("DELETE", "/failing/missing/lines/7", "Origin", APP);
      assertEquals(404, app.statusCode());
      assertNoCorsGrant(app);
      HttpResponse<String> admin = server.send("DELETE", "/failing/missing/lines/7",
          "Origin", "https://admin.example.com");
      assertEquals(Optional.of("https://admin.example.com"),
          header(admin, "Access-Control-Allow-Origin"));
    }
  }

  /**
   * Jersey calls the locator for a preflight too; when it fails, the preflight is answered from
   * the policy the returned class has for the requested method, where that class is final and
   * has no locators, so that the actual request is sent and the page reads its error. Not
   * cached: the URL's other methods are not known.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "PUT,    /failing/missing/invoice/7",
      "GET,    /failing/broken/invoice",
      "HEAD,   /failing/null/invoice"})
  void aPreflightWhoseLocatorFailsIsAnsweredFromTheReturnedClassesPolicy(String method,
      String path) throws Exception {
    try (JerseyServer server = server()) {
      HttpResponse<String> preflight = server.send("OPTIONS", path, "Origin", APP,
          "Access-Control-Request-Method", method,
          "Access-Control-Request-Headers", "content-type");
      assertEquals(204, preflight.statusCode());
      assertEquals("", preflight.body());
      assertEquals(Optional.empty(), header(preflight, "Content-Type"));
      assertEquals(Optional.of(APP), header(preflight, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of(method), header(preflight, "Access-Control-Allow-Methods"));
      assertEquals(Optional.of("Content-Type"),
          header(preflight, "Access-Control-Allow-Headers"));
      assertEquals(Optional.of("0"), header(preflight, "Access-Control-Max-Age"));
      assertEquals(Optional.empty(), header(preflight, "Access-Control-Expose-Headers"));
      assertEquals(Optional.of(PREFLIGHT_VARY), header(preflight, "Vary"));
    }
  }

  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  /** The same answer refuses what the policy refuses. */
  @Test
  void aPreflightWhoseLocatorFailsIsRefusedAsThePolicyRefuses() throws Exception {
    try (JerseyServer server = server()) {
      for (String[] refused : new String[][] {
          {"https://evil.example.com", "PUT", "content-type"},
          {APP, "PUT", "x-other"},
          {APP, "DELETE", ""}}) {
        HttpResponse<String> preflight = server.send("OPTIONS", "/failing/missing/invoice/7",
            "Origin", refused[0], "Access-Control-Request-Method", refused[1],
            "Access-Control-Request-Headers", refused[2]);
        assertEquals(403, preflight.statusCode(), String.join(" ", refused));
        assertNoCorsGrant(preflight);
        assertEquals(Optional.of(PREFLIGHT_VARY), header(preflight, "Vary"));
      }
      HttpResponse<String> admin = server.send("OPTIONS", "/failing/missing/invoice/7",
          "Origin", "https://admin.example.com", "Access-Control-Request-Method", "DELETE");
      assertEquals(204, admin.statusCode());
      assertEquals(Optional.of("DELETE"), header(admin, "Access-Control-Allow-Methods"));
    }
  }

  /**
   * Where the request could reach methods the failing locator's class does not show (a class
   * that is not final, whose subclass the locator may return when it does not fail, or one with
   * locators of its own), or none is certain, the preflight keeps the locator's error, saying
   * that it varies with the preflight's fields. No preflight grants OPTIONS, and none is a 500.
   */
  @Test
  void aPreflightWhoseAnswerIsNotCertainKeepsTheLocatorsError() throws Exception {
    try (JerseyServer server = server()) {
      for (String[] unanswered : new String[][] {
          {"/failing/missing/lines/7", "PUT"},
          {"/failing/missing/lines", "GET"},
          {"/failing/missing/receipt", "GET"},
          {"/failing/missing/ledger", "GET"},
          {"/failing/missing/ledger/receipt", "GET"},
          {"/failing/7/guest/invoice", "GET"},
          {"/failing/opaque/1", "GET"},
          {"/failing/missing/invoice", "OPTIONS"}}) {
        HttpResponse<String> preflight = server.send("OPTIONS", unanswered[0], "Origin", APP,
            "Access-Control-Request-Method", unanswered[1]);
        assertEquals(404, preflight.statusCode(), String.join(" ", unanswered));
        assertNoCorsGrant(preflight);
        if (!unanswered[1].equals("OPTIONS")) {
          assertEquals(Optional.of(PREFLIGHT_VARY), header(preflight, "Vary"), unanswered[0]);
        }
      }
      HttpResponse<String> plain = server.send("OPTIONS", "/failing/missing/invoice");
      assertEquals(404, plain.statusCode(), "a plain OPTIONS keeps the locator's error");
    }
  }

  /** What an application's CORS filter left in place writes into the error is not kept. */
  public static final class WideOpen implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
      response.getHeaders().putSingle("Access-Control-Allow-Methods", "DELETE");
    }
  }

  @Test
  void grantsTheApplicationPutIntoTheErrorAreReplacedAndSaidOnce() throws Exception {
    LogCapture plainLog = new LogCapture("org.corsgen", null);
    try (plainLog; JerseyServer server = server()) {
      server.send("OPTIONS", "/failing/missing/invoice/7", "Origin", APP,
          "Access-Control-Request-Method", "PUT");
      assertEquals(0, carried(plainLog), "nothing of the application's to speak of");
    }
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(
        FailingLocatorResource.class, WideOpen.class).register(CorsFeature.class))) {
      HttpResponse<String> allowed = server.send("OPTIONS", "/failing/missing/invoice/7",
          "Origin", APP, "Access-Control-Request-Method", "PUT");
      assertEquals(204, allowed.statusCode());
      assertEquals(Optional.of(APP), header(allowed, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("PUT"), header(allowed, "Access-Control-Allow-Methods"));
      HttpResponse<String> refused = server.send("OPTIONS", "/failing/missing/invoice/7",
          "Origin", "https://evil.example.com", "Access-Control-Request-Method", "PUT");
      assertEquals(403, refused.statusCode());
      assertNoCorsGrant(refused);
      assertEquals(1, carried(log));
    }
  }

  private static long carried(LogCapture log) {
    return log.records().stream()
        .map(entry -> new SimpleFormatter().formatMessage(entry))
        .filter(message -> message.contains("set by the application")).count();
  }

  /** In debug mode the refusal explains itself, as at any preflight endpoint. */
  @Test
  void aPreflightWhoseLocatorFailsIsExplainedInDebugMode() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(FailingLocatorResource.class)
        .property(CorsFeature.DEBUG, true)
        .register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/failing/missing/invoice/7",
          "Origin", APP, "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "x-other");
      assertEquals(204, preflight.statusCode());
      assertEquals(Optional.of("Content-Type"),
          header(preflight, "Access-Control-Allow-Headers"));
      assertEquals(Optional.of("0"), header(preflight, "Access-Control-Max-Age"));
    }
  }

  /** What an interface-typed locator would have returned is unknown, and so is its policy. */
  @Test
  void aLocatorThatDeclaresNoClassGivesNoPolicy() throws Exception {
    try (JerseyServer server = server()) {
      HttpResponse<String> response = server.send("GET", "/failing/opaque/1", "Origin", APP);
      assertEquals(404, response.statusCode());
      assertNoCorsGrant(response);
    }
  }

  /** Once the locator has returned, a path below it that nothing serves is Jersey's 404. */
  @Test
  void aPathBelowASuccessfulLocatorIsStillJerseysOwn404() throws Exception {
    try (JerseyServer server = server()) {
      HttpResponse<String> response =
          server.send("GET", "/failing/7/lines/7/none/such", "Origin", APP);
      assertEquals(404, response.statusCode());
      assertNoCorsGrant(response);
      HttpResponse<String> served = server.send("GET", "/failing/7/lines", "Origin", APP);
      assertEquals("lines of 7", served.body());
      assertEquals(Optional.of(APP), header(served, "Access-Control-Allow-Origin"));
    }
  }
}
