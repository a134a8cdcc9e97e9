package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application's own CORS filter left beside corsgen: preflight answers keep corsgen's grants
 * alone, as actual responses do, whatever the filter adds or replaces. Each case runs with WADL
 * off (corsgen's endpoint answers) and on (WADL's OPTIONS method is chosen, corsgen's filters sit
 * on it).
 */
class LegacyCorsFilterTest {

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";
  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private static final List<JerseyServer> servers = new ArrayList<>();
  private static LogCapture log;

  @BeforeAll
  static void start() throws Exception {
    log = new LogCapture("org.corsgen", null);
    for (boolean wadlOff : new boolean[] {true, false}) {
      servers.add(new JerseyServer(new ResourceConfig(ItemsResource.class, LegacyCorsFilter.class)
          .property(ServerProperties.WADL_FEATURE_DISABLE, wadlOff)
          .register(CorsFeature.class)));
    }
  }

  @AfterAll
  static void stop() {
    servers.forEach(JerseyServer::close);
    log.close();
  }

  /** The same request to each server, with the browser's {@code Accept}. */
  private static List<HttpResponse<String>> preflight(String path, String... headers)
      throws Exception {
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (JerseyServer server : servers) {
      String[] all = Arrays.copyOf(headers, headers.length + 2);
      all[headers.length] = "Accept";
      all[headers.length + 1] = "*/*";
      responses.add(server.send("OPTIONS", path, all));
    }
    return responses;
  }

  @Test
  void allowedPreflightCarriesThePolicysGrantsAlone() throws Exception {
    for (HttpResponse<String> response : preflight("/items/7", "Origin", APP,
        "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-token")) {
    assertEquals(204, response.statusCode());
    assertEquals(List.of(APP), response.headers().allValues("Access-Control-Allow-Origin"));
    assertEquals(Optional.of("Content-Type, X-Token"),
        header(response, "Access-Control-Allow-Headers"));
    assertEquals(Optional.of("600"), header(response, "Access-Control-Max-Age"));
    assertEquals(Optional.empty(), header(response, "Access-Control-Allow-Credentials"));
    assertEquals(Optional.empty(), header(response, "Access-Control-Expose-Headers"));
    assertEquals(Optional.of("Accept-Encoding, " + PREFLIGHT_VARY), header(response, "Vary"));
    String methods = header(response, "Access-Control-Allow-Methods").orElseThrow();
    assertEquals(CorsOnTheWireTest.methods("GET, HEAD, PUT, PATCH"),
        CorsOnTheWireTest.methods(methods), "DELETE is the admin console's alone");
    }
  }

  @Test
  void credentialedPolicyKeepsItsOwnAnswer() throws Exception {
    for (HttpResponse<String> response : preflight("/items/7", "Origin", ADMIN,
        "Access-Control-Request-Method", "DELETE")) {
    assertEquals(204, response.statusCode());
    assertEquals(List.of(ADMIN), response.headers().allValues("Access-Control-Allow-Origin"));
    assertEquals(Optional.of("DELETE"), header(response, "Access-Control-Allow-Methods"));
    assertEquals(Optional.of("true"), header(response, "Access-Control-Allow-Credentials"));
    assertEquals(Optional.empty(), header(response, "Access-Control-Max-Age"),
        "maxAge = -1 sends none");
    }
  }

  /** corsgen does not answer Private Network Access; the application may, on allowed ones. */
  @Test
  void privateNetworkGrantOfTheApplicationStaysOnAllowedPreflightsOnly() throws Exception {
    for (HttpResponse<String> allowed : preflight("/items/7", "Origin", APP,
        "Access-Control-Request-Method", "PUT", "Access-Control-Request-Private-Network", "true")) {
      assertEquals(204, allowed.statusCode());
      assertEquals(Optional.of("true"), header(allowed, "Access-Control-Allow-Private-Network"));
    }
    for (HttpResponse<String> refused : preflight("/items/7", "Origin", "https://evil.example",
        "Access-Control-Request-Method", "PUT", "Access-Control-Request-Private-Network", "true")) {
      assertEquals(403, refused.statusCode());
      assertNoCorsGrant(refused);
    }
  }

  @Test
  void refusedPreflightCarriesNoGrant() throws Exception {
    for (HttpResponse<String> response : preflight("/items/7",
        "Origin", "https://evil.example", "Access-Control-Request-Method", "PUT")) {
    assertEquals(403, response.statusCode());
    assertNoCorsGrant(response);
    assertEquals(Optional.empty(), header(response, "Access-Control-Max-Age"));
    assertEquals(Optional.empty(), header(response, "Access-Control-Expose-Headers"));
    assertEquals(Optional.of("Accept-Encoding, " + PREFLIGHT_VARY), header(response, "Vary"));
    }
  }

  @Test
  void takingTheFiltersGrantsBackIsSaidOncePerPathOfEachApplication() throws Exception {
    preflight("/items/8", "Origin", APP, "Access-Control-Request-Method", "PUT");
    preflight("/items/9", "Origin", APP, "Access-Control-Request-Method", "PUT");
    List<String> warnings = log.records().stream()
        .filter(record -> record.getLevel() == Level.WARNING)
        .map(LogRecord::getMessage)
        .filter(message -> message.contains("an answer to OPTIONS at /items/{id: \\d+}"))
        .toList();
    assertEquals(servers.size(), warnings.size(), () -> String.valueOf(warnings));
    // Every field the filter wrote, the credentials one among them, not the last one met.
    assertEquals(servers.size(), warnings.stream()
        .filter(message -> message.contains(" carried access-control-allow-origin,"
            + " access-control-allow-methods, access-control-allow-headers,"
            + " access-control-allow-credentials, access-control-max-age,"
            + " access-control-expose-headers set by the application"))
        .count(), () -> String.valueOf(warnings));
  }

  /** With WADL off corsgen answers a plain OPTIONS too, and that answer grants nothing. */
  @Test
  void plainOptionsAnswerOfCorsgensCarriesNoGrant() throws Exception {
    HttpResponse<String> response = servers.get(0).send("OPTIONS", "/items/7",
        "Origin", APP);
    assertEquals(200, response.statusCode());
    assertNoCorsGrant(response);
    assertEquals(Optional.empty(), header(response, "Access-Control-Max-Age"));
    assertEquals(Optional.empty(), header(response, "Access-Control-Expose-Headers"));
    assertEquals(CorsOnTheWireTest.methods("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"),
        CorsOnTheWireTest.methods(header(response, "Allow").orElseThrow()));
    assertEquals(Optional.of("Accept-Encoding, " + PREFLIGHT_VARY), header(response, "Vary"));
  }

  @Test
  void takingTheFiltersGrantsOffAnActualResponseNamesEachField() throws Exception {
    for (JerseyServer server : servers) {
      server.send("GET", "/items/7");
    }
    List<String> warnings = log.records().stream()
        .filter(record -> record.getLevel() == Level.WARNING)
        .map(LogRecord::getMessage)
        .filter(message -> message.startsWith("corsgen: a response under"))
        .toList();
    assertTrue(warnings.stream().anyMatch(message -> message.contains(" carried"
        + " access-control-allow-origin, access-control-allow-credentials,"
        + " access-control-expose-headers set by the application")), warnings::toString);
  }

  /**
   * A response to a request without Origin (a navigation, an img, a no-cors fetch) is stored in
   * the browser's HTTP cache; a later CORS fetch of a refused origin revalidates it with
   * If-None-Match, and the 304 (which corsgen answers without grants) only updates the stored
   * fields. A grant left on the stored answer therefore reaches the refused origin's page: in
   * Chromium 156 a page on another origin of the same site read a credentialed GET this way, and
   * an allowed origin whose policy has no credentials read it with credentials. So no grant of
   * the application's may stay on any answer of a CORS method, with Origin or without.
   */
  @Test
  void answerWithoutOriginCarriesNoGrantOfTheApplication() throws Exception {
    for (JerseyServer server : servers) {
      HttpResponse<String> response = server.send("GET", "/items/7");
      assertEquals(200, response.statusCode());
      assertEquals(Optional.empty(), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.empty(), header(response, "Access-Control-Allow-Credentials"));
      assertEquals(Optional.empty(), header(response, "Access-Control-Expose-Headers"));
    }
  }
}
