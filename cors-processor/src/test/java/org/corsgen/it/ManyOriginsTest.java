package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * A generated policy with hundreds of exact origins and many patterns (each tested by its suffix
 * first) grants every listed origin and nothing near them.
 */
class ManyOriginsTest {

  private final CorsPolicy policy = CorsIndex.forApplication(new ResourceConfig())
      .policyFor(ManyOriginsResource.class, "get()").orElseThrow();

  @Test
  void everyListedOriginIsAllowed() {
    for (int i = 0; i < 300; i++) {
      assertTrue(policy.allowsOrigin("https://app" + i + ".example.com"), "app" + i);
    }
  }

  @Test
  void patternsStillApplyBesideTheListedOrigins() {
    assertTrue(policy.allowsOrigin("https://eu.shop.example.org"));
    assertTrue(policy.allowsOrigin("https://a.tenant0.example.net"));
    assertTrue(policy.allowsOrigin("https://a.b.tenant8.example.net"));
    assertFalse(policy.allowsOrigin("https://example.org"));
    assertFalse(policy.allowsOrigin("https://tenant8.example.net"));
    assertFalse(policy.allowsOrigin("https://.tenant8.example.net"));
    assertFalse(policy.allowsOrigin("http://a.tenant8.example.net"));
    assertFalse(policy.allowsOrigin("https://A.tenant8.example.net"));
    assertFalse(policy.allowsOrigin("https://a.tenant9.example.net"));
  }

  @Test
  void originsAreComparedExactly() {
    assertFalse(policy.allowsOrigin("https://app300.example.com"));
    assertFalse(policy.allowsOrigin("https://APP1.example.com"));
    assertFalse(policy.allowsOrigin("https://app1.example.com/"));
    assertFalse(policy.allowsOrigin("http://app1.example.com"));
  }
}
