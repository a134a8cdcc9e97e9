package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void keepsDuplicatesOnce() {
    OriginSet twice = OriginSet.builder().exact("https://a.com", "https://a.com").build();
    assertEquals("https://a.com", twice.toString());
    assertTrue(twice.matches("https://a.com"));
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
