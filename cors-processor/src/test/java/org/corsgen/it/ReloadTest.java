package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.AbstractContainerLifecycleListener;
import org.glassfish.jersey.server.spi.Container;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Jersey's {@code Container.reload()} starts a new application from a copy of the running one's
 * configuration, what CorsFeature registered included: the new start is a start, whose origins
 * placeholders are resolved again, against its own configuration.
 */
class ReloadTest {

  private static final String KEY = "corsgen.it.origins";
  private static final String FIRST = "https://first.example.com";
  private static final String STAGE = "https://stage.example.com";

  @AfterEach
  void clearProperty() {
    System.clearProperty(KEY);
  }

  /** Captures the container, which Jersey hands to lifecycle listeners only. */
  static ResourceConfig capturing(ResourceConfig application,
      AtomicReference<Container> container) {
    return application.register(new AbstractContainerLifecycleListener() {
      @Override
      public void onStartup(Container started) {
        container.set(started);
      }

      @Override
      public void onReload(Container reloaded) {
        container.set(reloaded);
      }
    });
  }

  private static HttpResponse<String> preflight(JerseyServer server, String origin)
      throws Exception {
    return server.send("OPTIONS", "/configured",
        "Origin", origin, "Access-Control-Request-Method", "GET");
  }

  /** The deployment changed the value, and the application is reloaded with no argument. */
  @Test
  void reloadResolvesPlaceholdersAgain() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    System.setProperty(KEY, FIRST);
    try (JerseyServer server = new JerseyServer(capturing(
        new ResourceConfig(ConfiguredResource.class).register(CorsFeature.class), container))) {
      assertEquals(204, preflight(server, FIRST).statusCode());
      System.setProperty(KEY, STAGE);
      container.get().reload();

      HttpResponse<String> stage = preflight(server, STAGE);
      assertEquals(204, stage.statusCode(), "the reloaded application kept the old origins");
      assertEquals(Optional.of(STAGE), header(stage, "Access-Control-Allow-Origin"));
      assertEquals(403, preflight(server, FIRST).statusCode());
    }
  }

  /** Jersey's idiom for reloading with more: a copy of the running configuration, extended. */
  @Test
  void reloadWithACopiedConfigurationReadsItsProperties() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    try (JerseyServer server = new JerseyServer(capturing(
        new ResourceConfig(ItemsResource.class).register(CorsFeature.class), container))) {
      container.get().reload(new ResourceConfig(container.get().getConfiguration())
          .register(ConfiguredResource.class)
          .property(KEY, STAGE));

      HttpResponse<String> stage = preflight(server, STAGE);
      assertEquals(204, stage.statusCode());
      assertEquals(Optional.of(STAGE), header(stage, "Access-Control-Allow-Origin"));
    }
  }

  /**
   * A bad value stops the reload as it stops a start; Jersey has stopped the running application
   * by then, so the server answers 500 (README says so: later reloads of Grizzly's container
   * fail too, on the stopped application's injection manager).
   */
  @Test
  void reloadWithABadValueFails() throws Exception {
    AtomicReference<Container> container = new AtomicReference<>();
    System.setProperty(KEY, FIRST);
    try (JerseyServer server = new JerseyServer(capturing(
        new ResourceConfig(ConfiguredResource.class).register(CorsFeature.class), container))) {
      System.setProperty(KEY, "not-an-origin");
      RuntimeException failure = assertThrows(RuntimeException.class,
          () -> container.get().reload());
      assertTrue(ConfiguredOriginsTest.rootCause(failure).getMessage().contains(
          "origins placeholder ${" + KEY + "} is \"not-an-origin\""), failure::toString);
      assertEquals(500, server.send("GET", "/configured").statusCode());
    }
  }
}
