package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Configuration;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debug mode ({@link CorsFeature#DEBUG}) on {@link ItemsResource}: {@code /items/{id}} serves
 * GET, PUT and PATCH under the class's policy (app.example.com, *.example.org; Content-Type and
 * X-Token) and DELETE under the admin console's (admin.example.com, credentials). Each debug
 * answer must fail in a browser: its Allow-Methods leaves out a method that is not safelisted, or
 * its Allow-Headers a requested header.
 */
class DebugModeTest {

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private static JerseyServer server;
  private static List<String> startUpWarnings;

  @BeforeAll
  static void start() throws Exception {
    try (LogCapture log = new LogCapture("org.corsgen", null)) {
      server = new JerseyServer(new ResourceConfig(ItemsResource.class)
          .property(CorsFeature.DEBUG, "true")
          .register(CorsFeature.class));
      startUpWarnings = warnings(log);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> warnings(LogCapture log) {
    return log.records().stream()
        .filter(record -> record.getLevel() == Level.WARNING)
        .map(record -> new SimpleFormatter().formatMessage(record))
        .toList();
  }

  private static HttpResponse<String> preflight(JerseyServer server, String origin, String method,
      String... requestHeaders) throws Exception {
    return requestHeaders.length == 0
        ? server.send("OPTIONS", "/items/1", "Origin", origin,
            "Access-Control-Request-Method", method)
        : server.send("OPTIONS", "/items/1", "Origin", origin,
            "Access-Control-Request-Method", method,
            "Access-Control-Request-Headers", String.join(",", requestHeaders));
  }

  @Test
  void methodOutsideTheOriginsPolicyGetsThePolicysGrantsWithoutIt() throws Exception {
    HttpResponse<String> answer = preflight(server, APP, "DELETE");

    assertEquals(204, answer.statusCode());
    assertEquals(Optional.of(APP), header(answer, "Access-Control-Allow-Origin"));
    assertEquals(Optional.of("GET, HEAD, PATCH, PUT"),
        header(answer, "Access-Control-Allow-Methods"));
    assertEquals(Optional.of("Content-Type, X-Token"),
        header(answer, "Access-Control-Allow-Headers"));
    assertEquals(Optional.empty(), header(answer, "Access-Control-Allow-Credentials"));
    assertEquals(Optional.of("0"), header(answer, "Access-Control-Max-Age"));
    assertEquals(
        Optional.of("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
        header(answer, "Vary"));
  }

  /** PUT's policy does not allow the admin console; DELETE's, which does, answers. */
  @Test
  void methodWhosePolicyRefusesTheOriginGetsTheGrantsOfOneThatAllowsIt() throws Exception {
    HttpResponse<String> answer = preflight(server, ADMIN, "PUT");

    assertEquals(204, answer.statusCode());
    assertEquals(Optional.of(ADMIN), header(answer, "Access-Control-Allow-Origin"));
    assertEquals(Optional.of("DELETE"), header(answer, "Access-Control-Allow-Methods"));
    assertEquals(Optional.of("true"), header(answer, "Access-Control-Allow-Credentials"));
    assertEquals(Optional.of("0"), header(answer, "Access-Control-Max-Age"));
  }

  @Test
  void refusedHeaderGetsThePolicysGrantsWhoseAllowHeadersLeavesItOut() throws Exception {
    for (String method : List.of("PUT", "GET")) {
      HttpResponse<String> answer = preflight(server, APP, method, "content-type", "x-other");

      assertEquals(204, answer.statusCode(), method);
      assertEquals(Optional.of(APP), header(answer, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("Content-Type, X-Token"),
          header(answer, "Access-Control-Allow-Headers"));
      assertEquals(Optional.of("0"), header(answer, "Access-Control-Max-Age"), method);
    }
  }

  /**
   * A safelisted method passes a browser's method check whatever Allow-Methods says, so a debug
   * answer could not make that preflight fail: POST (not served here) and HEAD under a policy
   * that refuses the origin get the plain refusal, even with headers the page asks for.
   */
  @Test
  void safelistedMethodsThatAreRefusedGetThePlainRefusal() throws Exception {
    for (String method : List.of("POST", "HEAD")) {
      HttpResponse<String> answer = preflight(server, ADMIN, method, "x-token");

      assertEquals(403, answer.statusCode(), method);
      assertNoCorsGrant(answer);
    }
  }

  @Test
  void originNoPolicyHereAllowsGetsThePlainRefusal() throws Exception {
    for (String method : List.of("PUT", "DELETE")) {
      HttpResponse<String> answer = preflight(server, "https://evil.example.net", method);

      assertEquals(403, answer.statusCode(), method);
      assertNoCorsGrant(answer);
    }
  }

  /** Should a browser ever compare methods ignoring case, "patch" would pass "PATCH". */
  @Test
  void methodThatDiffersOnlyInCaseFromAGrantedOneGetsThePlainRefusal() throws Exception {
    HttpResponse<String> answer = preflight(server, APP, "patch");

    assertEquals(403, answer.statusCode());
    assertNoCorsGrant(answer);
  }

  @Test
  void allowedPreflightIsAnsweredAsWithoutDebugMode() throws Exception {
    HttpResponse<String> answer = preflight(server, APP, "PUT", "x-token");

    assertEquals(204, answer.statusCode());
    assertEquals(Optional.of("600"), header(answer, "Access-Control-Max-Age"));
  }

  @Test
  void startUpWarnsThatDebugModeIsOnAndWhereItWasSet() {
    assertEquals(1, startUpWarnings.size(), startUpWarnings::toString);
    assertTrue(startUpWarnings.get(0).startsWith(
        "corsgen: debug mode is on (JAX-RS property corsgen.debug):"), startUpWarnings.get(0));
  }

  @Test
  void withoutDebugModeEveryRefusalIsThePlainOne() throws Exception {
    try (JerseyServer plain = new JerseyServer(new ResourceConfig(ItemsResource.class)
        .register(CorsFeature.class))) {
      for (String[] refused : new String[][] {{APP, "DELETE"}, {ADMIN, "PUT"}}) {
        HttpResponse<String> answer = preflight(plain, refused[0], refused[1]);
        assertEquals(403, answer.statusCode(), String.join(" ", refused));
        assertNoCorsGrant(answer);
      }
      assertEquals(403, preflight(plain, APP, "PUT", "x-other").statusCode());
    }
  }

  /** Switched at run time, from the next preflight on, with a warning each time. */
  @Test
  void debugModeIsSwitchedWhileTheApplicationRuns() throws Exception {
    try (LogCapture log = new LogCapture("org.corsgen", null);
        JerseyServer running = new JerseyServer(new ResourceConfig(ItemsResource.class,
            DebugSwitchResource.class).register(CorsFeature.class))) {
      assertEquals(403, preflight(running, APP, "DELETE").statusCode());

      assertEquals("was false", running.send("PUT", "/admin/cors-debug/true").body());
      assertEquals(204, preflight(running, APP, "DELETE").statusCode());
      assertEquals("was true", running.send("PUT", "/admin/cors-debug/true").body());

      assertEquals("was true", running.send("PUT", "/admin/cors-debug/false").body());
      HttpResponse<String> off = preflight(running, APP, "DELETE");
      assertEquals(403, off.statusCode());
      assertNoCorsGrant(off);

      assertEquals(List.of("corsgen: debug mode turned on at run time; preflights refused for a"
          + " method or a header are answered so that the browser's console names it (README,"
          + " \"Debug mode\")",
          "corsgen: debug mode stays on at run time",
          "corsgen: debug mode turned off at run time"), warnings(log));
      // Only the refusal made while debug mode was on is logged at INFO, with its reason.
      assertEquals(List.of("CORS preflight refused for DELETE /items/1 from " + APP + ": origin "
          + APP + " is not in [https://admin.example.com] for DELETE (@Cors on"
          + " org.corsgen.it.ItemsResource.delete(long))"), log.records().stream()
              .filter(record -> record.getLevel() == Level.INFO)
              .map(record -> new SimpleFormatter().formatMessage(record))
              .filter(message -> message.startsWith("CORS preflight refused"))
              .toList());
    }
  }

  /** Jersey copies the ResourceConfig it starts from: only the injected configuration is found. */
  @Test
  void switchingNeedsTheRuntimeConfiguration() throws Exception {
    ResourceConfig started = new ResourceConfig(ItemsResource.class).register(CorsFeature.class);
    try (JerseyServer running = new JerseyServer(started)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CorsFeature.setDebug(started, true));
      assertTrue(e.getMessage().endsWith("is not the runtime configuration of a running"
          + " application with corsgen; pass the Configuration that Jersey injects (@Context"
          + " Configuration), not the ResourceConfig the application was started with"),
          e.getMessage());
      assertEquals(403, preflight(running, APP, "DELETE").statusCode());
    }
  }

  /**
   * A reload starts again from the property, and a configuration injected before it is told to
   * switch nothing, rather than a start that no longer serves.
   */
  @Test
  void afterAReloadOnlyTheRunningApplicationsConfigurationSwitches() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    Configuration now;
    try (JerseyServer running = new JerseyServer(ReloadTest.capturing(
        new ResourceConfig(ItemsResource.class).register(CorsFeature.class), container))) {
      Configuration before = container.get().getConfiguration();
      assertFalse(CorsFeature.setDebug(before, true));
      assertTrue(CorsFeature.isDebug(before));
      container.get().reload();
      assertEquals(403, preflight(running, APP, "DELETE").statusCode(), "from the property");

      IllegalArgumentException stale = assertThrows(IllegalArgumentException.class,
          () -> CorsFeature.setDebug(before, true));
      assertTrue(stale.getMessage().endsWith("been shut down, or a reload has replaced it, so"
          + " switching its debug mode would change nothing that will run; pass the Configuration"
          + " injected into the running application"), stale.getMessage());
      now = container.get().getConfiguration();
      assertFalse(CorsFeature.isDebug(now));
      CorsFeature.setDebug(now, true);
      assertEquals(204, preflight(running, APP, "DELETE").statusCode());
    }
    assertThrows(IllegalArgumentException.class, () -> CorsFeature.isDebug(now), "shut down");
  }

  /** A misspelt switch turns nothing on and stops nothing: a warning says what it read. */
  @Test
  void valueOtherThanTrueOrFalseLeavesDebugModeOffWithAWarning() throws Exception {
    System.setProperty(CorsFeature.DEBUG, "yes");
    try (LogCapture warnings = new LogCapture("org.corsgen", null);
        JerseyServer misspelt = new JerseyServer(new ResourceConfig(ItemsResource.class)
            .register(CorsFeature.class))) {
      assertEquals(403, preflight(misspelt, APP, "DELETE").statusCode());
      assertEquals(List.of("corsgen: system property corsgen.debug is \"yes\", which is neither"
          + " true nor false; debug mode stays off"), warnings(warnings));
    } finally {
      System.clearProperty(CorsFeature.DEBUG);
    }
    try (LogCapture quiet = new LogCapture("org.corsgen", null);
        JerseyServer off = new JerseyServer(new ResourceConfig(ItemsResource.class)
            .property(CorsFeature.DEBUG, false)
            .register(CorsFeature.class))) {
      assertEquals(403, preflight(off, APP, "DELETE").statusCode());
      assertEquals(List.of(), warnings(quiet), "false says nothing");
    }
  }
}
