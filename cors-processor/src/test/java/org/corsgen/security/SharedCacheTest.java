package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves, with a real shared cache (nginx, see {@link Nginx}) in front of a corsgen application,
 * that an answer cached for one origin is never served to another with the first origin's
 * {@code Access-Control-Allow-Origin}, and that a refusal or a plain answer cached first never
 * keeps an allowed origin out: corsgen's {@code Vary} makes the cache keep one variant per
 * origin, for preflights and actual requests alike.
 *
 * <p>The same requests against the same application with {@code Vary} stripped from its responses
 * must find the poisoning, which shows that the check can fail.
 */
class SharedCacheTest {

  private static final String A = "https://a.example.com";
  private static final String B = "https://b.example.com";
  private static final String REFUSED = "https://evil.example.org";

  /** Distinct URIs per scenario, so that scenarios never share cache entries. */
  private static final AtomicInteger PROBE = new AtomicInteger();

  private static CorsServer correct;
  private static CorsServer broken;
  private static Nginx correctCache;
  private static Nginx brokenCache;

  @BeforeAll
  static void start() throws Exception {
    correct = new CorsServer(new ResourceConfig(GuardedResource.class)
        .register(CorsFeature.class));
    broken = new CorsServer(new ResourceConfig(GuardedResource.class)
        .register(CorsFeature.class)
        .register(VaryStrippingFilter.class));
    if (Nginx.installed()) {
      correctCache = Nginx.inFrontOf(correct.port());
      brokenCache = Nginx.inFrontOf(broken.port());
    }
  }

  /** Each test, not the class, is skipped without nginx, so that the report shows why. */
  @BeforeEach
  void requireNginx() {
    Nginx.assumeInstalled();
  }

  /** Stops everything that started, even when stopping one of them fails. */
  @AfterAll
  static void stop() {
    RuntimeException failure = null;
    for (AutoCloseable closeable :
        new AutoCloseable[] {correctCache, brokenCache, correct, broken}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        failure = failure == null ? new IllegalStateException("stopping failed", e) : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** One request of a scenario: its origin ({@code null} for none) and whether it preflights. */
  private record Step(String origin, boolean preflight) {

    List<String[]> headers() {
      List<String[]> headers = new ArrayList<>();
      if (origin != null) {
        headers.add(new String[] {"Origin", origin});
      }
      if (preflight && origin != null) {
        headers.add(new String[] {"Access-Control-Request-Method", "PUT"});
        headers.add(new String[] {"Access-Control-Request-Headers", "content-type"});
      }
      return headers;
    }

    /** The status a correct answer has, straight from the application or from the cache. */
    int expectedStatus() {
      if (!preflight) {
        return 200;
      }
      return origin == null ? 200 : allowed() ? 204 : 403;
    }

    Optional<String> expectedAllowOrigin() {
      return allowed() ? Optional.of(origin) : Optional.empty();
    }

    private boolean allowed() {
      return origin != null && FetchOracle.Policy.CLASS.allowsOrigin(origin);
    }
  }

  /**
   * What a scenario observed through the cache: answers carrying another origin's {@code
   * Access-Control-Allow-Origin} (leaks), other wrong answers (an allowed origin kept out by a
   * cached refusal or plain answer), and how many answers came from the cache.
   */
  private record Outcome(List<String> leaks, List<String> otherWrongAnswers, int hits) {}

  /** Allowed origins first: without Vary, B would get A's grant and the refused origin too. */
  private static final List<String> GRANT_FIRST = List.of(A, A, B, B, REFUSED, "", A);

  /** An origin-less request and a refusal first: without Vary, they would keep A and B out. */
  private static final List<String> REFUSAL_FIRST = List.of("", REFUSED, A, A, B, B, A);

  /**
   * Sends a request from each origin of {@code origins} ({@code ""} for none) through the cache
   * to a fresh URI, and sorts every answer that is not the one the requesting origin must get.
   */
  private static Outcome run(Nginx cache, boolean preflight, List<String> origins)
      throws IOException {
    String path = (preflight ? "/guarded/7" : "/guarded") + "?probe=" + PROBE.incrementAndGet();
    List<String> leaks = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    int hits = 0;
    for (int i = 0; i < origins.size(); i++) {
      Step step = new Step(origins.get(i).isEmpty() ? null : origins.get(i), preflight);
      CorsServer.Response response = CorsServer.send(cache.port(),
          preflight ? "OPTIONS" : "GET", path, step.headers());
      String cacheStatus = response.header("X-Cache-Status").orElse("none");
      // Neither corsgen nor the application answers 5xx here: such an answer, or one that never
      // passed the caching tier, means the harness is broken, and would pass for a wrong answer.
      if (response.status() >= 500 || cacheStatus.equals("none")) {
        fail("request " + (i + 1) + " got " + response.status() + " (cache " + cacheStatus
            + ") from nginx, not an answer of the application's\n" + cache.logs());
      }
      hits += cacheStatus.equals("HIT") ? 1 : 0;
      Optional<String> allowOrigin = response.header("Access-Control-Allow-Origin");
      String observed = "request " + (i + 1) + " from " + step.origin() + " got "
          + response.status() + " with Access-Control-Allow-Origin "
          + allowOrigin.orElse("(none)") + " (cache " + cacheStatus + ")";
      if (allowOrigin.isPresent() && !allowOrigin.get().equals(step.origin())) {
        leaks.add(observed);
      } else if (response.status() != step.expectedStatus()
          || !allowOrigin.equals(step.expectedAllowOrigin())) {
        wrong.add(observed);
      }
    }
    return new Outcome(leaks, wrong, hits);
  }

  private static void assertCorrect(Outcome outcome) {
    assertEquals(List.of(), outcome.leaks(), "answers leaked to another origin");
    assertEquals(List.of(), outcome.otherWrongAnswers(), "wrong answers");
    assertTrue(outcome.hits() >= 3, () -> "the cache must really serve repeats: " + outcome);
  }

  @Test
  void cachedActualResponsesAreNeverServedToAnotherOrigin() throws IOException {
    assertCorrect(run(correctCache, false, GRANT_FIRST));
    assertCorrect(run(correctCache, false, REFUSAL_FIRST));
  }

  @Test
  void cachedPreflightsAreNeverServedToAnotherOrigin() throws IOException {
    assertCorrect(run(correctCache, true, GRANT_FIRST));
    assertCorrect(run(correctCache, true, REFUSAL_FIRST));
  }

  @Test
  void withoutVaryTheCacheServesOneOriginsActualResponseToAnother() throws IOException {
    assertFalse(CorsServer.send(broken.port(), "GET", "/guarded", List.of()).headers()
        .containsKey("vary"), "the broken application must really lack Vary");
    Outcome outcome = run(brokenCache, false, GRANT_FIRST);
    assertFalse(outcome.leaks().isEmpty(), () -> "the leak must be detected: " + outcome);
  }

  @Test
  void withoutVaryTheCacheServesOneOriginsPreflightToAnother() throws IOException {
    Outcome outcome = run(brokenCache, true, GRANT_FIRST);
    assertFalse(outcome.leaks().isEmpty(), () -> "the leak must be detected: " + outcome);
  }

  @Test
  void withoutVaryACachedRefusalKeepsAllowedOriginsOut() throws IOException {
    for (boolean preflight : new boolean[] {false, true}) {
      Outcome outcome = run(brokenCache, preflight, REFUSAL_FIRST);
      assertFalse(outcome.otherWrongAnswers().isEmpty(),
          () -> "the denial must be detected: " + outcome);
    }
  }
}
