package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "The browser says blocked and nobody knows why": every refusal is logged at DEBUG with its
 * precise reason, nothing is logged on the success path, and start-up says what was wired.
 */
class RefusalLoggingTest {

  private LogCapture capture;

  @BeforeEach
  void captureCorsgenLogs() {
    capture = new LogCapture("org.corsgen", Level.FINE);
  }

  @AfterEach
  void release() {
    capture.close();
  }

  private List<String> messages(Level level) {
    return capture.records().stream()
        .filter(record -> record.getLevel().equals(level))
        .map(record -> new java.util.logging.SimpleFormatter().formatMessage(record))
        .toList();
  }

  @Test
  void refusalsAreLoggedAtDebugWithTheirReasonAndSuccessesNotAtAll() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ItemsResource.class)
        .register(CorsFeature.class))) {
      List<String> startup = messages(Level.INFO);
      assertEquals(1, startup.size(), startup.toString());
      assertTrue(startup.get(0).startsWith("corsgen: 2 CORS policies on 5 paths"), startup.get(0));
      assertTrue(startup.get(0).contains("\n  /items/{id: \\d+}: DELETE from"
          + " [https://admin.example.com]; GET, HEAD, PATCH, PUT from"
          + " [https://app.example.com, https://*.example.org]\n"), startup.get(0));
      capture.clear();

      server.send("OPTIONS", "/items/7", "Origin", "https://app.example.com",
          "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-token");
      server.send("GET", "/items/7", "Origin", "https://app.example.com");
      assertEquals(List.of(), messages(Level.FINE), "nothing on the success path");

      server.send("OPTIONS", "/items/7", "Origin", "https://evil.example",
          "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-token");
      server.send("OPTIONS", "/items/7", "Origin", "https://app.example.com",
          "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-secret");
      String longOrigin = "https://" + "a".repeat(600) + ".evil";
      server.send("GET", "/items/7", "Origin", longOrigin);
      assertEquals(List.of(
          "CORS preflight refused for PUT /items/7 from https://evil.example: origin"
              + " https://evil.example is not in [https://app.example.com, https://*.example.org]"
              + " for PUT (@Cors on org.corsgen.it.ItemsResource)",
          "CORS preflight refused for PUT /items/7 from https://app.example.com: header x-secret"
              + " is not in allowHeaders [Content-Type, X-Token] (@Cors on"
              + " org.corsgen.it.ItemsResource)",
          "CORS refused for GET /items/7: origin " + longOrigin.substring(0, 200)
              + "... (613 characters) is not in [https://app.example.com,"
              + " https://*.example.org] (@Cors on org.corsgen.it.ItemsResource)"),
          messages(Level.FINE));
    }
  }

  @Test
  void startUpWarnsWhenOneMethodAtAPathHasAPolicyAndAnotherNone() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(NegotiatedResource.class)
        .register(CorsFeature.class))) {
      assertTrue(messages(Level.WARNING).contains("corsgen: GET /negotiated is served by methods"
          + " with and without a CORS policy; answers from those without one carry no CORS"
          + " headers"), messages(Level.WARNING)::toString);
    }
  }

  /** Jersey models a returned Resource at every request: its warning is said once, by class. */
  @Test
  void subResourceModelledAtEveryRequestWarnsOnce() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(
        NegotiatingLocatorResource.class).register(CorsFeature.class))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, server.send("GET", "/negotiating/modelled",
            "Origin", "https://app.example.com", "Accept", "application/json").statusCode());
      }
      assertEquals(List.of("corsgen: GET {locator} where a locator returns "
          + NegotiatedResource.class.getName() + " is served by methods with and without a CORS"
          + " policy; answers from those without one carry no CORS headers"),
          messages(Level.WARNING));
    }
  }
}
