package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import org.corsgen.it.other.SharedJsonResource;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * One {@code @Cors} that resources of two packages inherit is one constant in each package's
 * generated class: at a path they share, start-up sees one declaration, not two policies.
 */
class SharedPolicyTest {

  @Test
  void anInheritedPolicyInTwoPackagesIsOnePolicyAtTheirPath() throws Exception {
    try (LogCapture capture = new LogCapture("org.corsgen", Level.INFO);
        JerseyServer server = new JerseyServer(new ResourceConfig(SharedTextResource.class,
            SharedJsonResource.class).register(CorsFeature.class))) {
      List<String> warnings = capture.records().stream()
          .filter(record -> record.getLevel().equals(Level.WARNING))
          .map(record -> new java.util.logging.SimpleFormatter().formatMessage(record))
          .toList();
      assertEquals(List.of(), warnings);
      HttpResponse<String> preflight = server.send("OPTIONS", "/shared",
          "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");
      assertEquals(204, preflight.statusCode());
      assertEquals("https://app.example.com",
          preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }
  }
}
