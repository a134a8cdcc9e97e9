package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.corsgen.it.ReloadTest.capturing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.junit.jupiter.api.Test;

/**
 * Applications that share a JVM and part of a configuration: one started from a copy of a running
 * one's configuration, or with a copy of its properties, while the first keeps serving.
 */
class CopiedConfigurationTest {

  private static final String KEY = "corsgen.it.located-origins";
  private static final String A = "https://a.example.com";
  private static final String B = "https://b.example.com";

  /** An application that copies another's properties is wired all the same. */
  @Test
  void copiedPropertiesDoNotTurnCorsOff() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    try (JerseyServer first = new JerseyServer(capturing(
        new ResourceConfig(ItemsResource.class).register(CorsFeature.class), container))) {
      try (JerseyServer second = new JerseyServer(new ResourceConfig(ItemsResource.class)
          .addProperties(container.get().getConfiguration().getProperties())
          .register(CorsFeature.class))) {
        HttpResponse<String> preflight = second.send("OPTIONS", "/items",
            "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");
        assertEquals(204, preflight.statusCode(), preflight.headers().map().toString());
        assertEquals(Optional.of("https://app.example.com"),
            header(preflight, "Access-Control-Allow-Origin"));
      }
    }
  }

  /** A second application started from a running one's configuration leaves the first alone. */
  @Test
  void anApplicationCopiedFromARunningOneLeavesItsOrigins() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    try (JerseyServer first = new JerseyServer(capturing(
        new ResourceConfig(LocatorResource.class).property(KEY, A).register(CorsFeature.class),
        container))) {
      try (JerseyServer second = new JerseyServer(
          new ResourceConfig(container.get().getConfiguration()).property(KEY, B))) {
        HttpResponse<String> inFirst = first.send("GET", "/locator/child", "Origin", A);
        assertEquals(200, inFirst.statusCode());
        assertEquals(Optional.of(A), header(inFirst, "Access-Control-Allow-Origin"),
            "the first application now answers with the second's origins");
        HttpResponse<String> inSecond = second.send("GET", "/locator/child", "Origin", B);
        assertEquals(Optional.of(B), header(inSecond, "Access-Control-Allow-Origin"),
            "the second application answers with its own origins");
      }
    }
  }

  /** Same, first application's locator first used after the second started. */
  @Test
  void aPreflightOfTheFirstAfterTheSecondStartsUsesTheFirstsOrigins() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    try (JerseyServer first = new JerseyServer(capturing(
        new ResourceConfig(LocatorResource.class).property(KEY, A).register(CorsFeature.class),
        container))) {
      try (JerseyServer second = new JerseyServer(
          new ResourceConfig(container.get().getConfiguration()).property(KEY, B))) {
        HttpResponse<String> inFirst = first.send("OPTIONS", "/locator/child", "Origin", A,
            "Access-Control-Request-Method", "GET");
        assertEquals(204, inFirst.statusCode());
        assertEquals(Optional.of(A), header(inFirst, "Access-Control-Allow-Origin"));
        assertEquals(403, first.send("OPTIONS", "/locator/child", "Origin", B,
            "Access-Control-Request-Method", "GET").statusCode(), "B is the second's origin");
      }
    }
  }
}
