package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.junit.jupiter.api.Test;

class PreflightEndpointTest {

  @Test
  void plainOptionsAnswerVariesOnThePreflightHeaders() {
    CorsPolicy policy = CorsPolicy.builder("test")
        .allowOriginsMatching("https://app.example.com", "https://app.example.com"::equals)
        .build();
    PreflightEndpoint endpoint = new PreflightEndpoint("/items", Map.of("PUT", policy),
        Set.of("PUT", "OPTIONS"));
    Response plain = endpoint.apply(null);
    assertEquals(200, plain.getStatus());
    assertEquals(Set.of("PUT", "OPTIONS"), plain.getAllowedMethods());
    // A preflight to the same URL gets another answer: a shared cache that stored this one
    // without Vary would serve it to browsers' preflights, and every one of them would fail.
    assertEquals(CorsHeaders.PREFLIGHT_VARY, plain.getHeaderString(CorsHeaders.VARY));
    assertNull(plain.getHeaderString(CorsHeaders.ALLOW_ORIGIN));
  }
}
