package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginPatternsTest {

  private static boolean matches(String origin) {
    return OriginPatterns.matchesSubdomain(origin, "https://", ".example.com");
  }

  @Test
  void matchesSubdomainsAtAnyDepth() {
    assertTrue(matches("https://a.example.com"));
    assertTrue(matches("https://a-b.c9.example.com"));
  }

  /** Browsers keep underscores in host names, and an exact origin may have them too. */
  @Test
  void matchesSubdomainsWithUnderscores() {
    assertTrue(matches("https://my_app.example.com"));
    assertTrue(matches("https://_dmarc.a.example.com"));
  }

  @Test
  void refusesTheParentDomainAndLookAlikes() {
    assertFalse(matches("https://example.com"));
    assertFalse(matches("https://evilexample.com"));
    assertFalse(matches("https://.example.com"));
    assertFalse(matches("https://a..example.com"));
    assertFalse(matches("https://a.example.com.evil.net"));
    assertFalse(matches("http://a.example.com"));
  }

  @Test
  void refusesAnythingABrowserWouldNotSerialize() {
    assertFalse(matches("https://A.example.com"), "upper case");
    assertFalse(matches("https://a.example.com:8443"), "a port the pattern does not have");
    assertFalse(matches("https://evil.com/.example.com"), "a path");
    assertFalse(matches("https://u@a.example.com"), "user information");
    assertFalse(matches("https://evil.com,https://a.example.com"), "two origins joined");
    assertFalse(matches("https://x y.example.com"), "white space");
    assertFalse(matches(""));
  }

  @Test
  void aPortInThePatternMustBeThere() {
    assertTrue(OriginPatterns.matchesSubdomain("http://a.localhost:8081", "http://",
        ".localhost:8081"));
    assertFalse(OriginPatterns.matchesSubdomain("http://a.localhost", "http://",
        ".localhost:8081"));
  }
}
