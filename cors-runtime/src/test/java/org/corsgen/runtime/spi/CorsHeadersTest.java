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
}
