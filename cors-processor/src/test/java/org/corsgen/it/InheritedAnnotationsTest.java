package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * JAX-RS annotations and {@code @Cors} inherited from an interface through a superclass that
 * does not declare the methods, over HTTP: Jersey serves them, and corsgen applies their policies.
 */
class InheritedAnnotationsTest {

  @Test
  void policiesReachTheImplementationThroughASilentSuperclass() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(GapResource.class)
        .register(CorsFeature.class))) {
      HttpResponse<String> list = server.send("GET", "/gap", "Origin", "https://app.example.com");
      assertEquals("gap list", list.body());
      assertEquals(Optional.of("https://app.example.com"),
          header(list, "Access-Control-Allow-Origin"));
      HttpResponse<String> preflight = server.send("OPTIONS", "/gap/7",
          "Origin", "https://admin.example.com", "Access-Control-Request-Method", "GET",
          "Access-Control-Request-Headers", "x-requested-with");
      assertEquals(403, preflight.statusCode(), "the interface's policy allows no headers");
      HttpResponse<String> get = server.send("GET", "/gap/7", "Origin", "https://admin.example.com");
      assertEquals("gap 7", get.body());
      assertEquals(Optional.of("https://admin.example.com"),
          header(get, "Access-Control-Allow-Origin"));
      assertNoCorsGrant(server.send("GET", "/gap/7", "Origin", "https://app.example.com"));
    }
  }
}
