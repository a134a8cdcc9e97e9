package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;
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
