package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.SimpleFormatter;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** One build, several deployments: origins resolved from configuration when Jersey starts. */
class ConfiguredOriginsTest {

  private static ResourceConfig application() {
    return new ResourceConfig(ConfiguredResource.class, DefaultedResource.class)
        .register(CorsFeature.class);
  }

  @Test
  void jaxRsPropertySuppliesTheOrigins() throws Exception {
    try (JerseyServer server = new JerseyServer(application()
        .property("corsgen.it.origins", "https://staging.example.com, https://*.preview.example"))) {
      for (String origin : new String[] {"https://app.example.com", "https://staging.example.com",
          "https://pr-7.preview.example"}) {
        HttpResponse<String> response = server.send("OPTIONS", "/configured",
            "Origin", origin, "Access-Control-Request-Method", "GET");
        assertEquals(204, response.statusCode(), origin);
        assertEquals(Optional.of(origin), header(response, "Access-Control-Allow-Origin"));
      }
      HttpResponse<String> refused = server.send("GET", "/configured",
          "Origin", "https://prod.example.com");
      assertNoCorsGrant(refused);
    }
  }

  /**
   * A tenant's own domain, known only once it signs up: a predicate as the property decides at
   * each request, so the answer follows what the application knows now, preflights included.
   */
  @Test
  void aPredicatePropertyDecidesAtEachRequest() throws Exception {
    Set<String> tenants = ConcurrentHashMap.newKeySet();
    tenants.add("https://shop.tenant.example");
    Predicate<String> check = tenants::contains;
    try (JerseyServer server = new JerseyServer(application()
        .property("corsgen.it.origins", check))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/configured",
          "Origin", "https://shop.tenant.example", "Access-Control-Request-Method", "GET");
      assertEquals(204, preflight.statusCode());
      assertEquals(Optional.of("https://shop.tenant.example"),
          header(preflight, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("true"), header(preflight, "Access-Control-Allow-Credentials"));
      HttpResponse<String> actual = server.send("GET", "/configured",
          "Origin", "https://shop.tenant.example");
      assertEquals(Optional.of("https://shop.tenant.example"),
          header(actual, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("Origin"), header(actual, "Vary"));
      HttpResponse<String> literal = server.send("GET", "/configured",
          "Origin", "https://app.example.com");
      assertEquals(Optional.of("https://app.example.com"),
          header(literal, "Access-Control-Allow-Origin"));

      tenants.remove("https://shop.tenant.example");
      HttpResponse<String> gone = server.send("OPTIONS", "/configured",
          "Origin", "https://shop.tenant.example", "Access-Control-Request-Method", "GET");
      assertEquals(403, gone.statusCode());
      assertNoCorsGrant(gone);
      HttpResponse<String> goneActual = server.send("GET", "/configured",
          "Origin", "https://shop.tenant.example");
      assertEquals(200, goneActual.statusCode());
      assertNoCorsGrant(goneActual);
      assertEquals(Optional.of("Origin"), header(goneActual, "Vary"));
    }
  }

  /** A check that fails refuses the origin; the request is served as for any refused origin. */
  @Test
  void aFailingPredicateRefusesWithoutFailingTheRequest() throws Exception {
    Predicate<String> check = origin -> {
      throw new IllegalStateException("tenant database unavailable");
    };
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(application()
        .property("corsgen.it.origins", check))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/configured",
          "Origin", "https://shop.tenant.example", "Access-Control-Request-Method", "GET");
      assertEquals(403, preflight.statusCode());
      assertNoCorsGrant(preflight);
      HttpResponse<String> actual = server.send("GET", "/configured",
          "Origin", "https://shop.tenant.example");
      assertEquals(200, actual.statusCode());
      assertEquals("configured", actual.body());
      assertNoCorsGrant(actual);
      HttpResponse<String> literal = server.send("GET", "/configured",
          "Origin", "https://app.example.com");
      assertEquals(Optional.of("https://app.example.com"),
          header(literal, "Access-Control-Allow-Origin"));
      List<String> messages = log.records().stream()
          .map(entry -> new SimpleFormatter().formatMessage(entry)).toList();
      assertEquals(1, messages.stream().filter(message -> message.contains(
          "the application's check failed for \"https://shop.tenant.example\"")).count(),
          messages.toString());
      assertTrue(messages.stream().anyMatch(message -> message.contains(
          "configured: corsgen.it.origins=" + check + " (JAX-RS property corsgen.it.origins,"
              + " asked at each request)")), messages.toString());
    }
  }

  @Test
  void systemPropertySuppliesTheOriginsWhenTheApplicationDoesNot() throws Exception {
    System.setProperty("corsgen.it.origins", "https://qa.example.com");
    try (JerseyServer server = new JerseyServer(application())) {
      HttpResponse<String> response = server.send("GET", "/configured",
          "Origin", "https://qa.example.com");
      assertEquals(Optional.of("https://qa.example.com"),
          header(response, "Access-Control-Allow-Origin"));
    } finally {
      System.clearProperty("corsgen.it.origins");
    }
  }

  @Test
  void defaultAppliesWhenNothingIsConfigured() throws Exception {
    try (JerseyServer server = new JerseyServer(application()
        .property("corsgen.it.origins", "https://staging.example.com"))) {
      HttpResponse<String> response = server.send("GET", "/defaulted",
          "Origin", "http://localhost:3000");
      assertEquals(Optional.of("http://localhost:3000"),
          header(response, "Access-Control-Allow-Origin"));
    }
  }

  @Test
  void missingValueStopsStartUpWithOneClearMessage() {
    Exception failure = assertThrows(Exception.class, () -> new JerseyServer(application()).close());
    String message = rootCause(failure).getMessage();
    assertTrue(message.startsWith("@Cors on org.corsgen.it.ConfiguredResource: origins placeholder"
        + " ${corsgen.it.origins} has no value."), message);
  }

  @Test
  void malformedValueStopsStartUpNamingKeyValueAndRule() {
    Exception failure = assertThrows(Exception.class, () -> new JerseyServer(application()
        .property("corsgen.it.origins", "https://Staging.example.com")).close());
    assertEquals("@Cors on org.corsgen.it.ConfiguredResource: origins placeholder"
        + " ${corsgen.it.origins} is \"https://Staging.example.com\" (from JAX-RS property"
        + " corsgen.it.origins), and \"https://Staging.example.com\" in it is not a serialized"
        + " origin (the host has upper-case letters); write \"https://staging.example.com\".",
        rootCause(failure).getMessage());
  }

  @Test
  void starFromConfigurationCannotOpenACredentialedPolicy() {
    Exception failure = assertThrows(Exception.class, () -> new JerseyServer(application()
        .property("corsgen.it.origins", "*")).close());
    assertTrue(rootCause(failure).getMessage().contains("\"*\" cannot allow credentials"));
  }

  /** The innermost cause: the exception corsgen threw, under those Jersey wrapped it in. */
  static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The start-up record names each path's placeholders and their values once: an application of
   * many paths sharing one long configured list would otherwise repeat it on every line.
   */
  @Test
  void startUpRecordListsAConfiguredValueOnce() throws Exception {
    StringBuilder value = new StringBuilder("https://tenant0.example.com");
    for (int i = 1; i < 50; i++) {
      value.append(", https://tenant").append(i).append(".example.com");
    }
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(TenantsResource.class)
        .property("corsgen.it.origins", value.toString())
        .register(CorsFeature.class))) {
      String record = log.records().stream()
          .map(entry -> new SimpleFormatter().formatMessage(entry))
          .filter(message -> message.contains("CORS policies on"))
          .findFirst().orElseThrow();
      assertEquals(1, record.split("https://tenant49\\.example\\.com", -1).length - 1, record);
      assertTrue(record.contains("\n  /tenants/{id}: GET, HEAD from [${corsgen.it.origins}]"),
          record);
      assertTrue(record.contains("\n  configured: corsgen.it.origins=" + value
          + " (JAX-RS property corsgen.it.origins)"), record);
    }
  }

  @jakarta.ws.rs.Path("/tenants")
  @org.corsgen.Cors(origins = "${corsgen.it.origins}")
  public static class TenantsResource {
    @jakarta.ws.rs.GET
    public String list() {
      return "";
    }

    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Path("{id}")
    public String get() {
      return "";
    }
  }
}
