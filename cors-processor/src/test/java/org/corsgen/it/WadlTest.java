package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With Jersey's WADL support on (its default whenever JAXB is present), every path also has an
 * OPTIONS method producing WADL, which Jersey prefers to corsgen's for the {@code Accept: *}{@code
 * /*} that browsers put on every preflight.
 */
class WadlTest {

  private static final String APP = "https://app.example.com";
  private static final String WADL = "application/vnd.sun.wadl+xml";
  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private static JerseyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JerseyServer(new ResourceConfig(ItemsResource.class, PlainResource.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, false)
        .register(CorsFeature.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void wadlIsOnAndStillAnswersPlainOptionsVaryingOnThePreflightHeaders() throws Exception {
    HttpResponse<String> plain = server.send("OPTIONS", "/items/7", "Accept", "*/*");
    assertEquals(200, plain.statusCode());
    assertEquals(Optional.of(WADL), header(plain, "Content-Type"),
        "the test needs WADL on; without JAXB on the class path Jersey turns it off");
    assertNoCorsGrant(plain);
    assertEquals(Optional.of(PREFLIGHT_VARY), header(plain, "Vary"),
        "a cache must not serve this answer to a preflight");
  }

  @Test
  void preflightWithTheBrowsersAcceptIsAnsweredByCorsgen() throws Exception {
    // A resource path and a sub-resource path.
    for (String[] request : new String[][] {{"/items", "GET"}, {"/items/7", "PUT"}}) {
      String path = request[0];
      HttpResponse<String> preflight = server.send("OPTIONS", path,
          "Origin", APP,
          "Access-Control-Request-Method", request[1],
          "Access-Control-Request-Headers", "content-type",
          "Accept", "*/*");
      assertEquals(204, preflight.statusCode(), path);
      assertEquals(Optional.of(APP), header(preflight, "Access-Control-Allow-Origin"), path);
      assertEquals(Optional.of("Content-Type, X-Token"),
          header(preflight, "Access-Control-Allow-Headers"), path);
      assertEquals(Optional.of(PREFLIGHT_VARY), header(preflight, "Vary"), path);
      assertTrue(preflight.body().isEmpty(), path);
    }
  }

  @Test
  void preflightFromARefusedOriginIsRefused() throws Exception {
    HttpResponse<String> preflight = server.send("OPTIONS", "/items/7",
        "Origin", "https://evil.example.net",
        "Access-Control-Request-Method", "PUT",
        "Accept", "*/*");
    assertEquals(403, preflight.statusCode());
    assertNoCorsGrant(preflight);
    assertEquals(Optional.of(PREFLIGHT_VARY), header(preflight, "Vary"));
  }

  @Test
  void preflightAskingForWadlIsStillAPreflight() throws Exception {
    HttpResponse<String> preflight = server.send("OPTIONS", "/items/7",
        "Origin", APP,
        "Access-Control-Request-Method", "PUT",
        "Accept", WADL);
    assertEquals(204, preflight.statusCode());
    assertEquals(Optional.of(APP), header(preflight, "Access-Control-Allow-Origin"));
  }

  @Test
  void pathsWithoutCorsKeepTheirWadlAnswerToPreflights() throws Exception {
    HttpResponse<String> preflight = server.send("OPTIONS", "/plain",
        "Origin", APP,
        "Access-Control-Request-Method", "PUT",
        "Accept", "*/*");
    assertEquals(200, preflight.statusCode());
    assertEquals(Optional.of(WADL), header(preflight, "Content-Type"));
    assertNoCorsGrant(preflight);
    assertEquals(Optional.empty(), header(preflight, "Vary"));
  }

  /** Only what a model processor added counts: Jersey also calls @ExtendedResource extended. */
  @Test
  void anApplicationsOwnExtendedOptionsMethodKeepsItsPathAndItsClassKeepsCors() throws Exception {
    try (JerseyServer own = new JerseyServer(new ResourceConfig(ExtendedOptionsResource.class,
        ExtendedCorsResource.class).register(CorsFeature.class))) {
      HttpResponse<String> other = own.send("GET", "/extended-options/other", "Origin", APP);
      assertEquals(Optional.of(APP), header(other, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("Origin"), header(other, "Vary"));
      HttpResponse<String> preflight = own.send("OPTIONS", "/extended-options",
          "Origin", APP, "Access-Control-Request-Method", "PUT", "Accept", "*/*");
      assertEquals("mine", preflight.body(), "the path keeps its own OPTIONS method");
    }
  }
}
