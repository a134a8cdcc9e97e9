package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsHeadersTest {

  @Test
  void varyIsSetWhenAbsent() {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    CorsHeaders.addVary(headers, "Origin");
    assertEquals(List.of("Origin"), headers.get("Vary"));
  }

  @Test
  void varyIsMergedIntoExistingFieldsNeverReplaced() {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    headers.add("Vary", "Accept-Encoding");
    headers.add("Vary", "Accept-Language, Cookie");
    CorsHeaders.addVary(headers, "Origin");
    assertEquals(List.of("Accept-Encoding, Accept-Language, Cookie, Origin"), headers.get("Vary"));
  }

  @Test
  void varyIsLeftAloneWhenItAlreadyHasTheTokenOrStar() {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    headers.add("Vary", "accept-encoding , ORIGIN");
    CorsHeaders.addVary(headers, "Origin");
    assertEquals(List.of("accept-encoding , ORIGIN"), headers.get("Vary"));
    headers.putSingle("Vary", "*");
    CorsHeaders.addVary(headers, "Origin");
    assertEquals(List.of("*"), headers.get("Vary"));
  }

  @Test
  void containsTokenComparesWholeItems() {
    assertTrue(CorsHeaders.containsToken("a, Origin", "origin"));
    assertFalse(CorsHeaders.containsToken("Origins, X-Origin", "Origin"));
    assertFalse(CorsHeaders.containsToken("", "Origin"));
  }

  @Test
  void singleRefusesRepeatedOrEmptyValues() {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    assertNull(CorsHeaders.single(headers, "Origin"));
    headers.add("Origin", "");
    assertNull(CorsHeaders.single(headers, "Origin"));
    headers.putSingle("Origin", "https://a.com");
    assertEquals("https://a.com", CorsHeaders.single(headers, "Origin"));
    headers.add("Origin", "https://b.com");
    assertNull(CorsHeaders.single(headers, "Origin"));
  }

  @Test
  void singleDropsSpacesAndTabsAroundTheValue() {
    // Grizzly passes a tab around a field value on to Jersey; HTTP says it is not part of it.
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    headers.putSingle("Origin", "\thttps://a.com \t");
    assertEquals("https://a.com", CorsHeaders.single(headers, "Origin"));
    headers.putSingle("Origin", " \t ");
    assertNull(CorsHeaders.single(headers, "Origin"));
    headers.putSingle("Origin", "https://a.com\u00a0");
    assertEquals("https://a.com\u00a0", CorsHeaders.single(headers, "Origin"), "no HTTP space");
  }

  @Test
  void requestValuesAreLoggedWithoutControlCharactersAndCut() {
    assertEquals("http://evil\\x1b[31mRED\\x0d\\x0aINFO: forged\\x00\\x7f\\x85\u00e9",
        CorsHeaders.forLog("http://evil\u001b[31mRED\r\nINFO: forged\u0000\u007f\u0085\u00e9"));
    assertEquals("null", CorsHeaders.forLog(null));
    String longValue = "a".repeat(300);
    assertEquals("a".repeat(200) + "... (300 characters)", CorsHeaders.forLog(longValue));
  }

  /** A refusal is logged per request; a policy of a thousand origins must not be each time. */
  @Test
  void longPolicyListsAreLoggedByTheirFirstItemsAndCount() {
    String short10 = String.join(", ", java.util.Collections.nCopies(10, "https://a.example"));
    assertEquals(short10, CorsHeaders.listForLog(short10));
    StringBuilder origins = new StringBuilder("https://o0.example.com");
    for (int i = 1; i < 1000; i++) {
      origins.append(", https://o").append(i).append(".example.com");
    }
    String logged = CorsHeaders.listForLog(origins.toString());
    assertTrue(logged.length() <= 320, logged);
    assertTrue(logged.startsWith("https://o0.example.com, https://o1.example.com, "), logged);
    assertTrue(logged.endsWith(".example.com, ... (" + origins.length() + " characters)"), logged);
    String oneLong = "https://" + "a".repeat(400) + ".example";
    assertEquals(oneLong.substring(0, 300) + "... (416 characters)",
        CorsHeaders.listForLog(oneLong));
  }
}
