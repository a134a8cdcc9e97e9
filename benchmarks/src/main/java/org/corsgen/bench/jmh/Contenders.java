package org.corsgen.bench.jmh;

import static org.corsgen.bench.app.BenchPolicy.ADMIN;
import static org.corsgen.bench.app.BenchPolicy.APP;
import static org.corsgen.bench.app.BenchPolicy.AUTHORIZATION;
import static org.corsgen.bench.app.BenchPolicy.CONTENT_TYPE;
import static org.corsgen.bench.app.BenchPolicy.MAX_AGE;
import static org.corsgen.bench.app.BenchPolicy.REQUEST_ID;
import static org.corsgen.bench.app.BenchPolicy.SUBDOMAINS;
import static org.corsgen.bench.app.BenchPolicy.TOKEN;
import static org.corsgen.bench.app.BenchPolicy.TOTAL_COUNT;
import static org.corsgen.bench.app.BenchPolicy.TRACE_ID;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.internal.PreflightEndpoint;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.web.cors.CorsConfiguration;

/** Builds the contenders exactly as their frameworks would at start-up. */
final class Contenders {

  /** How many origins the request-time check of the scaling benchmark grants. */
  static final int TENANT_COUNT = 1000;

  private static final CorsIndex INDEX = CorsIndex.forApplication(new ResourceConfig()
      .property("bench.tenants", tenants()));

  private Contenders() {}

  /**
   * The preflight endpoint corsgen's runtime puts on a path served by {@code GET}, {@code POST}
   * and {@code PUT} methods of {@code resource} (keys {@code get()},
   * {@code post(java.lang.String)}, {@code put(java.lang.String)}): HEAD shares GET's policy.
   */
  static PreflightEndpoint preflightEndpoint(Class<?> resource, String path,
      String... methodKeys) {
    Map<String, CorsPolicy> policyByMethod = new LinkedHashMap<>();
    for (String key : methodKeys) {
      String httpMethod = key.substring(0, key.indexOf('(')).toUpperCase();
      policyByMethod.put(httpMethod, policy(resource, key));
    }
    if (policyByMethod.containsKey("GET")) {
      policyByMethod.put("HEAD", policyByMethod.get("GET"));
    }
    Set<String> allow = new java.util.TreeSet<>(policyByMethod.keySet());
    allow.add("OPTIONS");
    return new PreflightEndpoint(path, policyByMethod, allow);
  }

  /** The generated policy of one method of {@code resource}, found as CorsFeature finds it. */
  static CorsPolicy policy(Class<?> resource, String methodKey) {
    return INDEX.policyFor(resource, methodKey).orElseThrow(
        () -> new IllegalStateException("no generated policy for " + methodKey));
  }

  /**
   * The check of {@code RequestTimeResource}'s {@code ${bench.tenants}}: a concurrent set's
   * lookup, as an application that adds tenants while it runs would write it.
   */
  private static Predicate<String> tenants() {
    Set<String> tenants = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < TENANT_COUNT; i++) {
      tenants.add("https://tenant" + i + ".example.net");
    }
    return tenants::contains;
  }

  /** Spring's configuration of {@link org.corsgen.bench.app.BenchPolicy}. */
  static CorsConfiguration springConfiguration() {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(List.of(APP, ADMIN));
    config.setAllowedOriginPatterns(List.of(SUBDOMAINS));
    config.setAllowedMethods(List.of("GET", "POST", "PUT"));
    config.setAllowedHeaders(List.of(CONTENT_TYPE, REQUEST_ID, TOKEN, AUTHORIZATION));
    config.setExposedHeaders(List.of(TOTAL_COUNT, TRACE_ID));
    config.setAllowCredentials(true);
    config.setMaxAge((long) MAX_AGE);
    return config;
  }
}
