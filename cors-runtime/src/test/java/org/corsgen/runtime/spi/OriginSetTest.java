package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OriginSetTest {

  private final OriginSet set = OriginSet.builder()
      .exact("https://app.example.com", "http://localhost:3000")
      .subdomains("https://", ".example.org")
      .subdomains("https://", ".tenant.example.net:8443")
      .build();

  @Test
  void matchesExactOriginsOnlyAsWritten() {
    assertTrue(set.matches("https://app.example.com"));
    assertTrue(set.matches("http://localhost:3000"));
    assertFalse(set.matches("https://APP.example.com"));
    assertFalse(set.matches("https://app.example.com/"));
    assertFalse(set.matches("http://app.example.com"));
    assertFalse(set.matches("http://localhost:3001"));
    assertFalse(set.matches(""));
  }

  /** A fully qualified name's origin is another origin: each matches only itself. */
  @Test
  void anOriginWithATrailingDotIsAnotherOrigin() {
    OriginSet qualified = OriginSet.builder().exact("https://app.example.com.").build();
    assertTrue(qualified.matches("https://app.example.com."));
    assertFalse(qualified.matches("https://app.example.com"));
    assertFalse(set.matches("https://app.example.com."));
    assertTrue(OriginSyntax.isSerializedOrigin("https://app.example.com."));
  }

  @Test
  void matchesEveryPatternWithItsOwnScheme() {
    assertTrue(set.matches("https://a.example.org"));
    assertTrue(set.matches("https://x.y.tenant.example.net:8443"));
    assertFalse(set.matches("http://a.example.org"));
    assertFalse(set.matches("https://example.org"));
    assertFalse(set.matches("https://x.tenant.example.net"));
    assertFalse(set.matches("https://evil.com/.example.org"));
  }

  @Test
  void describesItselfAsDeclaredExactFirst() {
    assertEquals("https://app.example.com, http://localhost:3000, https://*.example.org,"
        + " https://*.tenant.example.net:8443", set.toString());
  }

  @Test
  void aPortWildcardMatchesItsHostOnEveryPortAndNothingElse() {
    OriginSet ports = OriginSet.builder()
        .hostOnAnyPort("http://", "localhost")
        .hostOnAnyPort("http://", "[::1]")
        .subdomainsOnAnyPort("https://", ".dev.example.com")
        .build();
    for (String origin : new String[] {"http://localhost", "http://localhost:1",
        "http://localhost:5173", "http://localhost:65535", "http://[::1]", "http://[::1]:8080",
        "https://a.dev.example.com", "https://a.b.dev.example.com:8443"}) {
      assertTrue(ports.matches(origin), origin);
    }
    for (String origin : new String[] {"https://localhost:5173", "http://localhost.evil.com",
        "http://localhost.evil.com:80", "http://localhost:", "http://localhost:0",
        "http://localhost:08080", "http://localhost:65536", "http://localhost:123456",
        "http://localhost:80a", "http://localhost:8080/", "http://localhost:8080@evil.com",
        "http://localhostx", "http://[::1]x:80", "https://dev.example.com",
        "https://dev.example.com:8443", "https://a.dev.example.com:", "https://a.dev.example.com:0",
        "https://evil.com/.dev.example.com:1", "https://a.dev.example.com.evil.com:8443",
        "https://a..dev.example.com", "http://a.dev.example.com:8080", "https://:1",
        "https://.dev.example.com", ""}) {
      assertFalse(ports.matches(origin), origin);
    }
    assertEquals("http://localhost:*, http://[::1]:*, https://*.dev.example.com:*",
        ports.toString());
    assertFalse(ports.isEmpty());
  }

  @Test
  void aPortWildcardStandsBesideTheOthersInTheOrderWritten() {
    OriginSet mixed = OriginSet.builder().exact("https://app.example.com")
        .hostOnAnyPort("http://", "localhost").subdomains("https://", ".example.org")
        .hostOnAnyPort("http://", "localhost").build();
    assertEquals("https://app.example.com, http://localhost:*, https://*.example.org",
        mixed.toString());
    assertTrue(mixed.matches("https://app.example.com"));
    assertTrue(mixed.matches("http://localhost:3000"));
    assertTrue(mixed.matches("https://a.example.org"));
    assertFalse(mixed.matches("https://a.example.org:8443"));
  }

  @Test
  void aPortWildcardHasNoPortOfItsOwn() {
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().hostOnAnyPort("http://", "localhost:8080"));
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().hostOnAnyPort("http://", "[::1]:8080"));
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().hostOnAnyPort("http://", ""));
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().hostOnAnyPort("https://", ".example.com"));
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().subdomainsOnAnyPort("https://", ".example.com:8443"));
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().subdomainsOnAnyPort("https://", "example.com"));
  }

  @Test
  void keepsDuplicatesOnce() {
    OriginSet twice = OriginSet.builder().exact("https://a.com", "https://a.com")
        .subdomains("https://", ".b.com").subdomains("https://", ".b.com")
        .subdomains("http://", ".b.com").build();
    assertEquals("https://a.com, https://*.b.com, http://*.b.com", twice.toString());
    assertTrue(twice.matches("https://a.com"));
    assertTrue(twice.matches("https://x.b.com"));
  }

  @Test
  void anEmptySetMatchesNothing() {
    OriginSet empty = OriginSet.builder().build();
    assertTrue(empty.isEmpty());
    assertFalse(empty.matches("https://a.com"));
  }

  @Test
  void aLargeListIsStillExact() {
    OriginSet large = OriginSet.builder()
        .exact(IntStream.range(0, 1000).mapToObj(i -> "https://app" + i + ".example.com")
            .toArray(String[]::new))
        .build();
    assertTrue(large.matches("https://app0.example.com"));
    assertTrue(large.matches("https://app999.example.com"));
    assertFalse(large.matches("https://app1000.example.com"));
  }

  @Test
  void originsWithEqualHashesAreToldApart() {
    // "Aa", "BB" and "C#" have the same String hash; past MAX_SCANNED origins the set hashes.
    OriginSet set = OriginSet.builder()
        .exact("https://Aa.com", "https://BB.com", "https://a.com", "https://b.com",
            "https://c.com", "https://d.com")
        .build();
    assertTrue(set.matches("https://Aa.com"));
    assertTrue(set.matches("https://BB.com"));
    assertTrue(set.matches("https://d.com"));
    assertFalse(set.matches("https://C#.com"));
    assertFalse(set.matches("https://e.com"));
  }

  @Test
  void everySizeAroundTheSwitchToHashingMatchesExactly() {
    for (int size = 1; size <= 3 * OriginSet.MAX_SCANNED; size++) {
      String[] origins = IntStream.range(0, size).mapToObj(i -> "https://o" + i + ".example")
          .toArray(String[]::new);
      OriginSet set = OriginSet.builder().exact(origins).build();
      for (String origin : origins) {
        assertTrue(set.matches(origin), origin + " in " + size);
      }
      assertFalse(set.matches("https://o" + size + ".example"), "size " + size);
    }
  }

  /** Patterns the differential test draws from: shared endings, ports, two schemes, nesting. */
  private static final List<String[]> PATTERNS = List.of(
      new String[] {"https://", ".example.org"},
      new String[] {"https://", ".a.example.org"},
      new String[] {"http://", ".example.org"},
      new String[] {"https://", ".tenant.example.net:8443"},
      new String[] {"https://", ".t1.example.com"},
      new String[] {"https://", ".t2.example.com"},
      new String[] {"https://", ".t10.example.com"},
      new String[] {"https://", ".localhost:8081"},
      new String[] {"http://", ".localhost:8081"},
      new String[] {"https://", ".xn--bcher-kva.example"},
      new String[] {"https://", ".co"},
      new String[] {"https://", ".shop.t2.example.com"});

  private static final List<String> PROBES = List.of(
      "https://x.example.org", "https://x.y.example.org", "https://example.org",
      "https://.example.org", "https://x..example.org", "https://X.example.org",
      "http://x.example.org", "https://x.example.org:8443", "https://x.a.example.org",
      "https://a.example.org", "https://x.tenant.example.net:8443",
      "https://x.tenant.example.net", "https://x.tenant.example.net:8444",
      "https://tenant.example.net:8443", "https://x.t1.example.com", "https://x.t10.example.com",
      "https://x.t100.example.com", "https://x.t2.example.com", "https://eu.shop.t2.example.com",
      "https://app.localhost:8081", "http://app.localhost:8081", "https://app.localhost",
      "https://x.xn--bcher-kva.example", "https://x.co", "https://x.example.co",
      "https://evil.com/.example.org", "https://a.example.com:1@x.example.org",
      "https://a.example.org, https://b.example.org", "https:/x.example.org",
      "x.example.org", ".example.org", "null", "", "https://", "https://x.",
      "https://x_y.example.org", "https://x.example.org.", "https://x.exampleorg");

  /**
   * Past {@value OriginSet#MAX_SCANNED} patterns the set looks suffixes up in a table instead of
   * trying each; on both sides of that switch it must agree with trying every pattern.
   */
  @Test
  void everyPatternCountAgreesWithTryingEachPattern() {
    for (int count = 1; count <= PATTERNS.size(); count++) {
      OriginSet.Builder builder = OriginSet.builder();
      List<String[]> used = PATTERNS.subList(0, count);
      used.forEach(pattern -> builder.subdomains(pattern[0], pattern[1]));
      OriginSet set = builder.build();
      for (String probe : PROBES) {
        boolean expected = used.stream()
            .anyMatch(pattern -> OriginPatterns.matchesSubdomain(probe, pattern[0], pattern[1]));
        assertEquals(expected, set.matches(probe), probe + " with " + count + " patterns");
      }
    }
  }

  @Test
  void manyPatternsMatchUnderTheLastOneAdded() {
    OriginSet.Builder builder = OriginSet.builder();
    IntStream.range(0, 50).forEach(i -> builder.subdomains("https://", ".tenant" + i + ".example.org"));
    OriginSet set = builder.build();
    assertTrue(set.matches("https://eu.shop.tenant49.example.org"));
    assertTrue(set.matches("https://a.tenant0.example.org"));
    assertFalse(set.matches("https://a.tenant50.example.org"));
    assertFalse(set.matches("https://tenant49.example.org"));
    assertFalse(set.isEmpty());
  }

  /** Hostile origins are long and full of dots: every dot is a look-up, and the answer holds. */
  @Test
  void manyPatternsDecideHugeOriginsWithManyDots() {
    OriginSet.Builder builder = OriginSet.builder();
    IntStream.range(0, 50).forEach(i -> builder.subdomains("https://", ".tenant" + i + ".example.org"));
    OriginSet set = builder.build();
    String labels = "a.".repeat(32 * 1024);
    assertTrue(set.matches("https://" + labels + "tenant7.example.org"));
    assertFalse(set.matches("https://" + labels + "tenant7.example.org."));
    assertFalse(set.matches("https://A" + labels + "tenant7.example.org"));
    assertFalse(set.matches("https://" + labels + "tenant77.example.org"));
    assertFalse(set.matches("https://" + ".".repeat(64 * 1024) + "tenant7.example.org"));
  }

  @Test
  void aSuffixMustStartWithADot() {
    assertThrows(IllegalArgumentException.class,
        () -> OriginSet.builder().subdomains("https://", "example.org"));
  }

  @Test
  void policiesBuiltFromListsMatchTheSameWay() {
    CorsPolicy policy = CorsPolicy.builder("test")
        .allowOrigins("https://app.example.com")
        .allowSubdomains("https://", ".example.org")
        .build();
    assertTrue(policy.allowsOrigin("https://app.example.com"));
    assertTrue(policy.allowsOrigin("https://a.example.org"));
    assertFalse(policy.allowsOrigin("https://example.org"));
    assertEquals("https://app.example.com, https://*.example.org", policy.originList());
    assertTrue(policy.hasLiteralOrigins());
  }
}
